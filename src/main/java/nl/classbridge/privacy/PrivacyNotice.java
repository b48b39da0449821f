package nl.classbridge.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.Text.Block;
import nl.classbridge.messages.Text.Span;

/**
 * The privacy text a school sends to parents ({@code messages/<language>/privacy-notice.yml}):
 * who is responsible, what is kept, who sees it, how long, and how a family uses its rights. Only
 * the school's name and its privacy contact are filled in; both stay values, so a name that looks
 * like a placeholder is printed as written.
 */
public final class PrivacyNotice {
    /** What the texts say about keeping data; the command line warns when the school chose otherwise. */
    public static final int RETENTION_MONTHS_IN_TEXT = 13;

    public static final int MAIL_KEEP_DAYS_IN_TEXT = 30;

    private static final String FILE = "privacy-notice.";
    private static final List<String> STORED =
            List.of("contact", "child", "answers", "conversation", "messages", "audit");
    private static final List<String> WHO = List.of("teacher", "private", "admin", "you");
    private static final List<String> HOW_LONG = List.of("answers", "year", "mail");
    private static final List<String> RIGHTS = List.of("discord", "email", "other", "forget");

    private final Messages messages;

    public PrivacyNotice(Messages messages) {
        this.messages = messages;
    }

    /**
     * The text in {@code language} for {@code school}; without a {@code contact}, parents are told
     * to ask their child's teacher.
     */
    public Text text(Language language, String school, Optional<String> contact) {
        Map<String, String> values = Map.of("school", school);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Text.Title(spans(language, "title", values)));
        blocks.add(new Text.Paragraph(spans(language, "intro", values)));
        blocks.add(section(language, "stored", STORED));
        blocks.add(new Text.Paragraph(spans(language, "stored.not", Map.of())));
        blocks.add(section(language, "who", WHO));
        blocks.add(section(language, "how-long", HOW_LONG));
        blocks.add(new Text.Paragraph(spans(language, "rights.intro", Map.of())));
        blocks.add(section(language, "rights", RIGHTS));
        blocks.add(new Text.Paragraph(contact.filter(c -> !c.isBlank())
                .map(c -> spans(language, "contact.named", Map.of("contact", c)))
                .orElseGet(() -> spans(language, "contact.teacher", Map.of()))));
        blocks.add(new Text.Paragraph(spans(language, "contact.complaint", Map.of())));
        return new Text(blocks, language);
    }

    private Block section(Language language, String part, List<String> items) {
        return new Text.Section(
                spans(language, part + ".heading", Map.of()),
                items.stream()
                        .map(item -> spans(language, part + "." + item, Map.of()))
                        .toList());
    }

    private List<Span> spans(Language language, String key, Map<String, String> values) {
        return messages.text(FILE + key, List.of(language, Language.EN), values).spans();
    }
}
