package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.domain.Language;

/**
 * The last paragraph of every email to a family: why they get it (their class at the school) and
 * how to change or stop it, after a dash. Updates and check-ins share it so both always say the
 * same.
 */
public final class EmailFooter {
    private EmailFooter() {}

    /** The footer in the first language of {@code chain} that has it. */
    public static Text.Paragraph of(Messages messages, List<Language> chain, String className, String schoolName) {
        List<Text.Span> footer = new ArrayList<>();
        footer.add(new Text.Words("—\n"));
        footer.addAll(messages.text("email.footer.why", chain, Map.of("class", className, "school", schoolName))
                .spans());
        footer.add(new Text.Words("\n"));
        footer.addAll(messages.text("email.footer.preferences", chain, Map.of()).spans());
        return new Text.Paragraph(footer);
    }
}
