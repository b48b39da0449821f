package nl.classbridge.messages;

import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/** How text is made safe for every destination, for an email header, and as HTML. */
final class Escaping {
    /** Control characters other than newline and tab, and Unicode line and paragraph separators. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[\\u2028\\u2029]");
    /** Everything that could end or fold a header line. */
    private static final Pattern CONTROL_IN_HEADER = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    private Escaping() {
    }

    /**
     * Text without stray control characters and without the invisible characters that turn text
     * around or hide in it ({@link InvisibleCharacters}); Windows and old Mac line ends become {@code \n}.
     */
    static String text(String raw) {
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
        return InvisibleCharacters.remove(CONTROL_IN_TEXT.matcher(unified).replaceAll(""));
    }

    /** One header-safe line: every control character and line break becomes a single space. */
    static String header(String raw) {
        return CONTROL_IN_HEADER.matcher(InvisibleCharacters.remove(raw)).replaceAll(" ").strip();
    }

    /** Plain text as an HTML fragment: escaped, blank-line paragraphs as {@code <p>}, lines as {@code <br>}. */
    static String html(String plain) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : plain.strip().split("\\n\\s*\\n")) {
            html.append("<p>")
                    .append(StringEscapeUtils.escapeHtml4(paragraph.strip()).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }
        return html.toString();
    }
}
