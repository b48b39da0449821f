package nl.classbridge.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Discord's Markdown: how a value is escaped so that it shows exactly as typed. */
public final class Markdown {
    /**
     * A web address as Discord finds one in text: up to a space or {@code <}, without the
     * punctuation that ends a sentence. Markup inside it is part of the address, not markup.
     */
    private static final Pattern URL =
            Pattern.compile("https?://[^\\s<]+[^\\s<.,:;\"')\\]]", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Discord reads these anywhere in a line: bold, italics, underline, strike, spoiler, code,
     * masked links, mentions, channels, timestamps and custom emoji ({@code <...>}), {@code @everyone}
     * and the escape character itself.
     */
    private static final String INLINE = "\\*_~|`[]<@";

    private Markdown() {}

    /**
     * Markdown-escaped for Discord, every significant character on its own: Discord shows
     * {@code \X} as X for any ASCII punctuation. Escaping pairs instead would miss a marker that
     * pairs with one in the next value, a backslash the parent typed, or markup inside backticks.
     * Web addresses stay exactly as typed, so the link goes where it says.
     */
    public static String escape(String text) {
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
}
