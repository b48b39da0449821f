package nl.classbridge.sandbox.page;

import org.apache.commons.text.StringEscapeUtils;

/** Escaping for the page: every value that is not the page's own markup goes through here. */
final class Html {
    private Html() {}

    /** Text for an element's content or a double-quoted attribute. */
    static String text(String value) {
        return StringEscapeUtils.escapeHtml4(value == null ? "" : value).replace("'", "&#39;");
    }

    /**
     * Appends {@code text[from, to)}, safe in the same places as {@link #text}, without a new string:
     * for {@link DiscordMarkdown}, which escapes long messages a character at a time. Only the five
     * characters that matter are escaped; the rest, such as emoji and direction isolates, stay as they
     * are (the page is UTF-8).
     */
    static void appendText(StringBuilder html, CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            appendText(html, text.charAt(i));
        }
    }

    /** One character, as {@link #appendText(StringBuilder, CharSequence, int, int)} appends it. */
    static void appendText(StringBuilder html, char c) {
        switch (c) {
            case '&' -> html.append("&amp;");
            case '<' -> html.append("&lt;");
            case '>' -> html.append("&gt;");
            case '"' -> html.append("&quot;");
            case '\'' -> html.append("&#39;");
            default -> html.append(c);
        }
    }
}
