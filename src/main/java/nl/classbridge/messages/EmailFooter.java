package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.classbridge.domain.Language;

/**
 * The last paragraph of every email to a family: why they get it (their class at the school) and
 * how to change or stop it, or to see or erase their data, after a dash. Updates and check-ins share it so both always say the
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
        footer.addAll(messages.text("email.footer.preferences", chain, keywords(messages, chain))
                .spans());
        return new Text.Paragraph(footer);
    }

    /** The words a family replies with to ask for its preferences, its data or being forgotten. */
    private static Map<String, String> keywords(Messages messages, List<Language> chain) {
        return Map.of(
                "preferences", keyword(messages, chain, "preferences"),
                "mydata", keyword(messages, chain, "my-data"),
                "forgetme", keyword(messages, chain, "forget-me"));
    }

    private static String keyword(Messages messages, List<Language> chain, String key) {
        return messages.text("email.keywords." + key, chain, Map.of()).words();
    }
}
