package nl.classbridge.messages;

import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import org.apache.commons.text.StringEscapeUtils;

/** How a value is made safe for each {@link Destination}. */
final class Escaping {
    /** Control characters other than newline and tab, and Unicode line and paragraph separators. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[\\u2028\\u2029]");
    /** Everything that could end or fold a header line. */
    private static final Pattern CONTROL_IN_HEADER = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    /** Headings ({@code #}), quotes ({@code >}), subtext ({@code -#}) and bullets at a line start. */
    private static final Pattern LINE_START_MARKUP = Pattern.compile("(?m)^(\\s*)(-#|#|>|-(?= ))");
    private static final Pattern LINE_START_NUMBER = Pattern.compile("(?m)^(\\s*\\d+)\\.(?= )");
    /** First-strong isolate and pop-directional isolate: keep a Latin name whole inside Arabic text. */
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private Escaping() {
    }

    /** A value escaped for {@code destination}, isolated for right-to-left text when needed. */
    static String value(String raw, Destination destination, boolean rightToLeft) {
        String clean = switch (destination) {
            case DISCORD -> discord(text(raw));
            case PLAIN, HTML -> text(raw); // HTML escapes the whole text after substitution
            case MAIL_HEADER -> header(raw);
        };
        return rightToLeft && !clean.isEmpty() ? FSI + clean + PDI : clean;
    }

    /**
     * Markdown-escaped for Discord. JDA's sanitizer covers the inline markers; Discord also reads
     * headings, quotes and subtext at the start of a line, and masked links, which a parent's
     * text must not produce either.
     */
    static String discord(String text) {
        String escaped = MarkdownSanitizer.escape(text);
        escaped = LINE_START_MARKUP.matcher(escaped).replaceAll("$1\\\\$2");
        escaped = LINE_START_NUMBER.matcher(escaped).replaceAll("$1\\\\.");
        return escaped.replace("[", "\\[").replace("]", "\\]");
    }

    /** Text without stray control characters; Windows and old Mac line ends become {@code \n}. */
    static String text(String raw) {
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
        return CONTROL_IN_TEXT.matcher(unified).replaceAll("");
    }

    /** One header-safe line: every control character and line break becomes a single space. */
    static String header(String raw) {
        return CONTROL_IN_HEADER.matcher(raw).replaceAll(" ").strip();
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
