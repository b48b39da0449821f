package nl.classbridge.sandbox.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline level of {@link DiscordMarkdown}: the text of one paragraph, heading or list item, with
 * its bold, italics, underline, strike and spoilers (their rules are in {@link DiscordMarkdownEmphasis}),
 * code, links, mentions, emoji, timestamps and backslash escapes. Apart from the blocks because it is
 * a different kind of reading: blocks go line by line with patterns, while inline markers nest and are
 * read character by character.
 *
 * <p>Time stays linear in the length of the text: it is read left to right, each kind of marker
 * looks ahead for its closing marker at most once per stretch of text per nesting level, nesting is
 * capped, code spans find their end in a table made once, and the one pattern cannot backtrack badly.
 * Each instance renders one text, once.
 */
final class DiscordMarkdownInline {
    /** Deeper nesting shows the markers as text: real messages nest two or three deep, hostile ones thousands. */
    private static final int MAX_DEPTH = 10;
    /** Discord's {@code <...>} forms; only the URL can be long, and it stops at the next {@code <}. */
    private static final Pattern TAG = Pattern.compile(
            "<(@!?|@&|#)\\d{1,20}>" // 1: a user, role or channel mention
                    + "|<a?:(\\w{1,32}):\\d{1,20}>" // 2: a custom emoji's name
                    + "|<t:(\\d{1,12})(?::[tTdDfFR])?>" // 3: a timestamp, in seconds
                    + "|<(https?://[^\\s<>\"]+)>"); // 4: a link Discord shows without a preview

    private static final String LINK_ATTRIBUTES = "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">";

    private final String text;
    private final StringBuilder html;
    /** Made when first needed: most list items and headings have no {@code <} or backtick. */
    private Matcher tag;
    /** Where each run of backticks starts, by its length: code ends at the next run exactly as long. */
    private Map<Integer, List<Integer>> backtickRuns;

    private DiscordMarkdownInline(String text, StringBuilder html) {
        this.text = text;
        this.html = html;
    }

    /** Appends {@code text}, with its inline Markdown as HTML, to {@code html}. */
    static void render(String text, StringBuilder html) {
        new DiscordMarkdownInline(text, html).render(0, text.length(), 0, false);
    }

    /**
     * Renders {@code text[from, to)}. Each marker is looked for at most once past the last span
     * it closed: when it has no closer further on, it is not looked for again in this stretch.
     */
    private void render(int from, int to, int depth, boolean inLink) {
        boolean[] unclosed = new boolean[DiscordMarkdownEmphasis.values().length];
        int i = from;
        while (i < to) {
            int next = markup(i, to, depth, inLink, unclosed);
            if (next > i) {
                i = next;
            } else {
                char c = text.charAt(i++);
                if (c == '\n') {
                    html.append("<br>\n");
                } else {
                    Html.appendText(html, c);
                }
            }
        }
    }

    /** Writes the markup that starts at {@code i} and returns where it ends, or -1 when there is none. */
    private int markup(int i, int to, int depth, boolean inLink, boolean[] unclosed) {
        return switch (text.charAt(i)) {
            case '\\' -> escaped(i, to);
            case '`' -> code(i, to);
            case '<' -> tag(i, to, inLink);
            case '[' -> inLink ? -1 : maskedLink(i, to, depth);
            case 'h' -> inLink ? -1 : bareLink(i, to);
            case '*', '_', '~', '|' -> depth < MAX_DEPTH ? wrapped(i, to, depth, inLink, unclosed) : -1;
            default -> -1;
        };
    }

    /** Discord escapes any character but ASCII letters, digits and spaces: {@code \*} shows a star. */
    private int escaped(int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        int c = text.codePointAt(i + 1);
        if (c < 128 && Character.isLetterOrDigit(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return -1;
        }
        int end = i + 1 + Character.charCount(c);
        Html.appendText(html, text, i + 1, end);
        return end;
    }

    /** {@code `code`}, {@code ``co`de``}: no markup and no escapes inside. Unclosed, the backticks are text. */
    private int code(int i, int to) {
        if (backtickRuns == null) {
            backtickRuns = new HashMap<>();
            for (int k = 0; k < text.length(); k++) {
                if (text.charAt(k) == '`') {
                    int length = run(text, k, text.length(), '`');
                    backtickRuns.computeIfAbsent(length, n -> new ArrayList<>()).add(k);
                    k += length - 1;
                }
            }
        }
        int length = run(text, i, to, '`');
        int close = -1;
        List<Integer> starts = backtickRuns.get(length);
        if (starts != null) {
            int at = Collections.binarySearch(starts, i + length);
            at = at < 0 ? -at - 1 : at;
            if (at < starts.size() && starts.get(at) + length <= to) {
                close = starts.get(at);
            }
        }
        if (close < 0) {
            html.append(text, i, i + length);
            return i + length;
        }
        html.append("<code>");
        Html.appendText(html, text, i + length, close);
        html.append("</code>");
        return close + length;
    }

    /** One of Discord's {@code <...>} forms in {@link #TAG}; anything else after a {@code <} is text. */
    private int tag(int i, int to, boolean inLink) {
        if (tag == null) {
            tag = TAG.matcher(text);
        }
        tag.region(i, to);
        if (!tag.lookingAt()) {
            return -1;
        }
        if (tag.group(1) != null) {
            String kind = tag.group(1);
            if (kind.startsWith("@") && !kind.equals("@&")) {
                // The user's id (digits only) lets MessageView name the user, as Discord does.
                html.append("<span class=\"mention\" data-user=\"")
                        .append(tag.group().replaceAll("\\D", ""))
                        .append("\">@user</span>");
            } else {
                html.append("<span class=\"mention\">")
                        .append(kind.equals("#") ? "#channel" : "@role")
                        .append("</span>");
            }
        } else if (tag.group(2) != null) {
            html.append(':').append(tag.group(2)).append(':'); // \w only: nothing to escape
        } else if (tag.group(3) != null) {
            String time = Instant.ofEpochSecond(Long.parseLong(tag.group(3))).toString();
            html.append("<time datetime=\"")
                    .append(time)
                    .append("\">")
                    .append(time)
                    .append("</time>");
        } else if (inLink) {
            return -1; // a link inside a link's text is text
        } else {
            link(tag.group(4), tag.start(4), tag.end(4), 0, false);
        }
        return tag.end();
    }

    /**
     * {@code [text](https://...)}. The text stops at a {@code [} and the URL at a space or bracket,
     * so a failed try never reads what the next try reads.
     */
    private int maskedLink(int i, int to, int depth) {
        int close = i + 1;
        while (close < to && text.charAt(close) != ']') {
            char c = text.charAt(close);
            if (c == '[' || c == '\n') {
                return -1;
            }
            close += c == '\\' ? 2 : 1;
        }
        if (close + 1 >= to || close == i + 1 || text.charAt(close + 1) != '(') {
            return -1;
        }
        int start = close + 2;
        int end = start;
        int parentheses = 0; // for URLs such as https://en.wikipedia.org/wiki/Utrecht_(stad)
        for (; end < to; end++) {
            char c = text.charAt(end);
            if (c == '(') {
                parentheses++;
            } else if (c == ')') {
                if (parentheses == 0) {
                    break;
                }
                parentheses--;
            } else if (!isUrlChar(c) || "[]>\"".indexOf(c) >= 0) {
                return -1;
            }
        }
        if (end >= to || !isWebUrl(text.substring(start, end))) {
            return -1;
        }
        link(text.substring(start, end), i + 1, close, depth + 1, true);
        return end + 1;
    }

    /** A bare {@code http(s)://} link; punctuation at its end is the sentence's, as in Discord. */
    private int bareLink(int i, int to) {
        if (!text.startsWith("https://", i) && !text.startsWith("http://", i)) {
            return -1; // before scanning: else every "h" would read ahead to the next space
        }
        int end = i;
        while (end < to && isUrlChar(text.charAt(end))) {
            end++;
        }
        while (end > i && ".,:;\"')]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String url = text.substring(i, end);
        if (!isWebUrl(url)) {
            return -1;
        }
        link(url, i, end, 0, false);
        return end;
    }

    /** A link to {@code url} showing {@code text[from, to)}: with its markup for a masked link, else as text. */
    private void link(String url, int from, int to, int depth, boolean withMarkup) {
        html.append("<a href=\"");
        Html.appendText(html, url, 0, url.length());
        html.append(LINK_ATTRIBUTES);
        if (withMarkup) {
            render(from, to, depth, true);
        } else {
            Html.appendText(html, text, from, to);
        }
        html.append("</a>");
    }

    /** Bold, italics, underline, strike or spoiler starting at {@code i}, if it closes before {@code to}. */
    private int wrapped(int i, int to, int depth, boolean inLink, boolean[] unclosed) {
        for (DiscordMarkdownEmphasis marker : DiscordMarkdownEmphasis.values()) {
            if (unclosed[marker.ordinal()] || !marker.opens(text, i, to)) {
                continue;
            }
            int inside = i + marker.token.length();
            int close = marker.closer(text, inside, to);
            if (close < 0) {
                unclosed[marker.ordinal()] = true;
                continue;
            }
            html.append(marker.open);
            render(inside, close, depth + 1, inLink);
            html.append(marker.close);
            return close + marker.token.length();
        }
        return -1;
    }

    /** How many {@code c} in a row start at {@code i} in {@code text}, before {@code to}. */
    static int run(String text, int i, int to, char c) {
        int end = i;
        while (end < to && text.charAt(end) == c) {
            end++;
        }
        return end - i;
    }

    /** Only web links: never {@code javascript:}, {@code data:} or anything else a browser would run. */
    private static boolean isWebUrl(String url) {
        return url.startsWith("https://") && url.length() > "https://".length()
                || url.startsWith("http://") && url.length() > "http://".length();
    }

    /** Where a link ends: at a space, a {@code <}, or an invisible character such as a direction isolate. */
    private static boolean isUrlChar(char c) {
        return c != '<'
                && !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT;
    }

    /** JavaScript's {@code \w}, which Discord uses for where an {@code _italic_} may end. */
    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
