package nl.classbridge.messages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/** How a value is made safe for each {@link Destination}. */
final class Escaping {
    /** Control characters other than newline and tab, and Unicode line and paragraph separators. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[\\u2028\\u2029]");
    /** Everything that could end or fold a header line. */
    private static final Pattern CONTROL_IN_HEADER = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    /**
     * A web address as Discord finds one in text: up to a space or {@code <}, without the
     * punctuation that ends a sentence. Markup inside it is part of the address, not markup.
     */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<]+[^\\s<.,:;\"')\\]]",
            Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Discord reads these anywhere in a line: bold, italics, underline, strike, spoiler, code,
     * masked links, mentions, channels, timestamps and custom emoji ({@code <...>}), {@code @everyone}
     * and the escape character itself.
     */
    private static final String INLINE = "\\*_~|`[]<@";
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
     * Markdown-escaped for Discord, every significant character on its own: Discord shows
     * {@code \X} as X for any ASCII punctuation. Escaping pairs instead would miss a marker that
     * pairs with one in the next value, a backslash the parent typed, or markup inside backticks.
     * Web addresses stay exactly as typed, so the link goes where it says.
     */
    static String discord(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        Matcher url = URL.matcher(text);
        int at = 0;
        while (url.find()) {
            markdown(text, at, url.start(), escaped);
            escaped.append(text, url.start(), url.end());
            at = url.end();
        }
        markdown(text, at, text.length(), escaped);
        return escaped.toString();
    }

    /** Escapes {@code text[from, to)}; a value's first line counts as a line start, as it may be one. */
    private static void markdown(String text, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            if (i == 0 || text.charAt(i - 1) == '\n') {
                i = lineStart(text, i, to, out);
                if (i >= to) {
                    break;
                }
            }
            char c = text.charAt(i++);
            if (INLINE.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /**
     * What Discord reads at the start of a line, after any indent: headings and subtext
     * ({@code #}, {@code -#}), quotes ({@code >}), bullets ({@code - }, {@code + }) and numbered
     * items ({@code 1. }). {@code *} is escaped everywhere. Returns where the rest of the line starts.
     */
    private static int lineStart(String text, int i, int to, StringBuilder out) {
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            out.append(text.charAt(i++));
        }
        if (i >= to) {
            return i;
        }
        char c = text.charAt(i);
        char next = i + 1 < to ? text.charAt(i + 1) : '\n';
        if (c == '#' || c == '>' || (c == '-' && (next == ' ' || next == '#')) || (c == '+' && next == ' ')) {
            out.append('\\').append(c);
            return i + 1;
        }
        int digits = i;
        while (digits < to && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > i && digits + 1 < to && text.charAt(digits) == '.' && text.charAt(digits + 1) == ' ') {
            out.append(text, i, digits).append("\\.");
            return digits + 1;
        }
        return i;
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
