package nl.classbridge.sandbox.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a Discord message, in Discord's Markdown, as an HTML fragment: for the sandbox
 * page that shows the messages the bot sent the way families see them in Discord.
 *
 * <p><b>Safe for untrusted input.</b> A message holds what parents and teachers typed, so every
 * character of it is HTML-escaped, and the only markup in the result is the fixed tags written
 * here. The only attributes that carry message text are a link's {@code href}, which is escaped
 * and always an {@code http://} or {@code https://} URL, and a code block's language class, which
 * is escaped and limited to letters, digits and {@code _+-.#}. Time is linear in the length of the
 * input: the text is read left to right, each kind of marker looks ahead for its closing marker at
 * most once per stretch of text per nesting level, nesting is capped, and the patterns used
 * cannot backtrack badly.
 *
 * <p>What Discord shows, and this too:
 * <ul>
 * <li>inline: {@code **bold**}, {@code *italic*}, {@code _italic_}, {@code __underline__},
 * {@code ~~strike~~}, {@code ||spoiler||}, {@code `code`}, masked links {@code [text](https://...)},
 * bare and {@code <https://...>} links, backslash escapes ({@code \*} is a star that starts nothing),
 * mentions ({@code <@1>}, {@code <#1>}, {@code <@&1>}; ids are not looked up), custom emoji as
 * {@code :name:}, and timestamps;
 * <li>per line: {@code #}, {@code ##}, {@code ###} headings (as {@code h3} to {@code h5}: the page
 * has its own {@code h1} and {@code h2}), {@code -#} subtext, {@code >} quotes (one block for
 * consecutive lines), {@code >>>} for the rest of the message, {@code -} and {@code *} bullets,
 * {@code 1.} numbered lists, and {@code ```} code blocks with an optional language;
 * <li>other lines are paragraphs, split at blank lines, with {@code <br>} between lines.
 * </ul>
 * It follows Discord's rules closely but not exactly: odd inputs such as {@code ****} may look a
 * little different here, never unsafe. Characters such as the Unicode direction isolates around
 * values in Arabic texts are kept as they are.
 */
public final class DiscordMarkdown {
    /** Deeper nesting shows the markers as text: real messages nest two or three deep, hostile ones thousands. */
    private static final int MAX_DEPTH = 10;
    private static final String FENCE = "```";
    private static final Pattern FENCE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+\\-.#]{1,32}");
    private static final Pattern HEADING = Pattern.compile("(#{1,3}) +(\\S.*)", Pattern.DOTALL);
    private static final Pattern SUBTEXT = Pattern.compile("-# +(\\S.*)", Pattern.DOTALL);
    /** Discord wants a space after the {@code >}: {@code >text} and {@code >> text} are text. */
    private static final Pattern QUOTE = Pattern.compile(" *> +(.*)", Pattern.DOTALL);
    private static final Pattern QUOTE_REST = Pattern.compile(" *>>> +(.*)", Pattern.DOTALL);
    /** A bullet or a number (group 1), then the item (group 2); indented items are shown flat. */
    private static final Pattern LIST_ITEM = Pattern.compile(" *(?:[-*]|(\\d{1,9})\\.) +(\\S.*)", Pattern.DOTALL);
    /** Discord's {@code <...>} forms; only the URL can be long, and it stops at the next {@code <}. */
    private static final Pattern TAG = Pattern.compile(
            "<(@!?|@&|#)\\d{1,20}>" // 1: a user, role or channel mention
                    + "|<a?:(\\w{1,32}):\\d{1,20}>" // 2: a custom emoji's name
                    + "|<t:(\\d{1,12})(?::[tTdDfFR])?>" // 3: a timestamp, in seconds
                    + "|<(https?://[^\\s<>\"]+)>"); // 4: a link Discord shows without a preview
    private static final String LINK_ATTRIBUTES = "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">";

    private DiscordMarkdown() {
    }

    /** The message {@code content} as an HTML fragment, to be placed inside a {@code <div>}. */
    public static String toHtml(String content) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder html = new StringBuilder(text.length() + text.length() / 4);
        blocks(Arrays.asList(text.split("\n", -1)), true, html);
        return html.toString();
    }

    /** Lines as blocks; Discord has no quotes within quotes, so a quote's lines come back here without. */
    private static void blocks(List<String> lines, boolean quotesAllowed, StringBuilder html) {
        int[] fenceEnds = fenceEnds(lines);
        List<String> paragraph = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            StringBuilder block = new StringBuilder();
            int next = block(lines, i, fenceEnds, quotesAllowed, block);
            if (next < 0) {
                paragraph.add(lines.get(i++));
            } else {
                paragraph(paragraph, html);
                html.append(block);
                i = next;
            }
        }
        paragraph(paragraph, html);
    }

    /**
     * Renders the block that starts at line {@code i} and returns the line after it; -1 when the
     * line is part of a paragraph. A blank line is an empty block: it ends the paragraph.
     */
    private static int block(List<String> lines, int i, int[] fenceEnds, boolean quotesAllowed, StringBuilder html) {
        String line = lines.get(i);
        Matcher m;
        if (line.isBlank()) {
            return i + 1;
        }
        if (line.startsWith(FENCE)) {
            return codeBlock(lines, i, fenceEnds, html);
        }
        // Most lines are plain text: the first character decides which pattern could match at all.
        char lead = line.stripLeading().charAt(0);
        if (lead == '>' && quotesAllowed) {
            return quote(lines, i, html);
        }
        if (lead == '#' && (m = HEADING.matcher(line)).matches()) {
            String tag = "h" + (m.group(1).length() + 2);
            html.append('<').append(tag).append('>');
            inline(m.group(2), html);
            html.append("</").append(tag).append(">\n");
            return i + 1;
        }
        if (lead == '-' && (m = SUBTEXT.matcher(line)).matches()) {
            html.append("<p><small class=\"subtext\">");
            inline(m.group(1), html);
            html.append("</small></p>\n");
            return i + 1;
        }
        if ((lead == '-' || lead == '*' || Character.isDigit(lead)) && (m = LIST_ITEM.matcher(line)).matches()) {
            return list(lines, i, m, html);
        }
        return -1;
    }

    /** For each line, the first line from there on that ends with {@code ```}, or -1: found once, not per fence. */
    private static int[] fenceEnds(List<String> lines) {
        int[] ends = new int[lines.size() + 1];
        ends[lines.size()] = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            ends[i] = lines.get(i).stripTrailing().endsWith(FENCE) ? i : ends[i + 1];
        }
        return ends;
    }

    /**
     * {@code ```} with an optional language, lines of code, and {@code ```} at the end of a line; or
     * {@code ```code```} on one line. Without a closing fence the backticks are text: -1.
     */
    private static int codeBlock(List<String> lines, int i, int[] fenceEnds, StringBuilder html) {
        String first = lines.get(i).substring(FENCE.length()).stripTrailing();
        List<String> code = new ArrayList<>();
        String language = "";
        int end;
        if (first.endsWith(FENCE)) {
            code.add(first.substring(0, first.length() - FENCE.length()));
            end = i;
        } else {
            end = fenceEnds[i + 1];
            if (end < 0) {
                return -1;
            }
            if (FENCE_LANGUAGE.matcher(first).matches()) {
                language = first;
            } else {
                code.add(first);
            }
            code.addAll(lines.subList(i + 1, end));
            String last = lines.get(end).stripTrailing();
            code.add(last.substring(0, last.length() - FENCE.length()));
        }
        // Discord drops the empty lines right after the opening and before the closing fence.
        int from = 0;
        int to = code.size();
        while (from < to && code.get(from).isEmpty()) {
            from++;
        }
        while (to > from && code.get(to - 1).isEmpty()) {
            to--;
        }
        html.append("<pre><code");
        if (!language.isEmpty()) {
            html.append(" class=\"language-");
            escape(language, html);
            html.append('"');
        }
        html.append('>');
        escape(String.join("\n", code.subList(from, to)), html);
        html.append("</code></pre>\n");
        return end + 1;
    }

    /** {@code >>> } quotes the rest of the message; {@code > } lines in a row are one quote. -1: not a quote. */
    private static int quote(List<String> lines, int i, StringBuilder html) {
        List<String> quoted = new ArrayList<>();
        int end = i;
        Matcher m = QUOTE_REST.matcher(lines.get(i));
        if (m.matches()) {
            quoted.add(m.group(1));
            quoted.addAll(lines.subList(i + 1, lines.size()));
            end = lines.size();
        } else {
            for (; end < lines.size() && (m = QUOTE.matcher(lines.get(end))).matches(); end++) {
                quoted.add(m.group(1));
            }
        }
        if (end == i) {
            return -1;
        }
        html.append("<blockquote>\n");
        blocks(quoted, false, html);
        html.append("</blockquote>\n");
        return end;
    }

    /** Consecutive items of one kind are one list; a numbered list starts at its first number, as in Discord. */
    private static int list(List<String> lines, int i, Matcher first, StringBuilder html) {
        boolean numbered = first.group(1) != null;
        html.append(numbered ? "<ol start=\"" + Integer.parseInt(first.group(1)) + "\">\n" : "<ul>\n");
        int end = i;
        Matcher m;
        while (end < lines.size() && (m = LIST_ITEM.matcher(lines.get(end))).matches()
                && (m.group(1) != null) == numbered) {
            html.append("<li>");
            inline(m.group(2), html);
            html.append("</li>\n");
            end++;
        }
        html.append(numbered ? "</ol>\n" : "</ul>\n");
        return end;
    }

    private static void paragraph(List<String> lines, StringBuilder html) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<p>");
        inline(String.join("\n", lines), html);
        html.append("</p>\n");
        lines.clear();
    }

    private static void inline(String text, StringBuilder html) {
        new Inline(text, html).render(0, text.length(), 0, false);
    }

    private static void escape(CharSequence text, StringBuilder html) {
        escape(text, 0, text.length(), html);
    }

    private static void escape(CharSequence text, int from, int to, StringBuilder html) {
        for (int i = from; i < to; i++) {
            escape(text.charAt(i), html);
        }
    }

    private static void escape(char c, StringBuilder html) {
        switch (c) {
            case '&' -> html.append("&amp;");
            case '<' -> html.append("&lt;");
            case '>' -> html.append("&gt;");
            case '"' -> html.append("&quot;");
            case '\'' -> html.append("&#39;");
            default -> html.append(c);
        }
    }

    /** Only web links: never {@code javascript:}, {@code data:} or anything else a browser would run. */
    private static boolean isWebUrl(String url) {
        return url.startsWith("https://") && url.length() > "https://".length()
                || url.startsWith("http://") && url.length() > "http://".length();
    }

    /** Where a link ends: at a space, a {@code <}, or an invisible character such as a direction isolate. */
    private static boolean isUrlChar(char c) {
        return c != '<' && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT;
    }

    /** JavaScript's {@code \w}, which Discord uses for where an {@code _italic_} may end. */
    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** The markers that wrap text, in the order they are tried at one position. */
    private enum Marker {
        BOLD("**", "<strong>", "</strong>"),
        UNDERLINE("__", "<u>", "</u>"),
        STRIKE("~~", "<s>", "</s>"),
        SPOILER("||", "<span class=\"spoiler\">", "</span>"),
        ITALIC_STAR("*", "<em>", "</em>"),
        ITALIC_UNDERSCORE("_", "<em>", "</em>");

        final String token;
        final String open;
        final String close;

        Marker(String token, String open, String close) {
            this.token = token;
            this.open = open;
            this.close = close;
        }
    }

    /** The inline Markdown of one paragraph, heading or list item, written to {@code html}. */
    private static final class Inline {
        private final String text;
        private final StringBuilder html;
        /** Made when first needed: most list items and headings have no {@code <} or backtick. */
        private Matcher tag;
        /** Where each run of backticks starts, by its length: code ends at the next run exactly as long. */
        private Map<Integer, List<Integer>> backtickRuns;

        Inline(String text, StringBuilder html) {
            this.text = text;
            this.html = html;
        }

        /**
         * Renders {@code text[from, to)}. Each marker is looked for at most once past the last span
         * it closed: when it has no closer further on, it is not looked for again in this stretch.
         */
        void render(int from, int to, int depth, boolean inLink) {
            boolean[] unclosed = new boolean[Marker.values().length];
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
                        escape(c, html);
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
            escape(text, i + 1, end, html);
            return end;
        }

        /** {@code `code`}, {@code ``co`de``}: no markup and no escapes inside. Unclosed, the backticks are text. */
        private int code(int i, int to) {
            if (backtickRuns == null) {
                backtickRuns = new HashMap<>();
                for (int k = 0; k < text.length(); k++) {
                    if (text.charAt(k) == '`') {
                        int length = run(k, text.length(), '`');
                        backtickRuns.computeIfAbsent(length, n -> new ArrayList<>()).add(k);
                        k += length - 1;
                    }
                }
            }
            int length = run(i, to, '`');
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
            escape(text, i + length, close, html);
            html.append("</code>");
            return close + length;
        }

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
                html.append("<span class=\"mention\">")
                        .append(kind.equals("#") ? "#channel" : kind.equals("@&") ? "@role" : "@user")
                        .append("</span>");
            } else if (tag.group(2) != null) {
                html.append(':').append(tag.group(2)).append(':'); // \w only: nothing to escape
            } else if (tag.group(3) != null) {
                String time = Instant.ofEpochSecond(Long.parseLong(tag.group(3))).toString();
                html.append("<time datetime=\"").append(time).append("\">").append(time).append("</time>");
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
                return -1;
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
            escape(url, html);
            html.append(LINK_ATTRIBUTES);
            if (withMarkup) {
                render(from, to, depth, true);
            } else {
                escape(text, from, to, html);
            }
            html.append("</a>");
        }

        /** Bold, italics, underline, strike or spoiler starting at {@code i}, if it closes before {@code to}. */
        private int wrapped(int i, int to, int depth, boolean inLink, boolean[] unclosed) {
            for (Marker marker : Marker.values()) {
                if (unclosed[marker.ordinal()] || !opens(marker, i, to)) {
                    continue;
                }
                int inside = i + marker.token.length();
                int close = closer(marker, inside, to);
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

        private boolean opens(Marker marker, int i, int to) {
            int inside = i + marker.token.length();
            if (inside >= to || !text.startsWith(marker.token, i)) {
                return false;
            }
            char next = text.charAt(inside);
            return switch (marker) {
                case ITALIC_STAR -> next != '*' && !Character.isWhitespace(next); // "* " is a bullet, not italics
                case ITALIC_UNDERSCORE -> next != '_';
                default -> true;
            };
        }

        /**
         * Where {@code marker} closes text that starts at {@code from}, or -1. An escaped character
         * never closes. A run of the marker's character counts as a whole, as in Discord's patterns:
         * {@code **} and {@code __} close at the last pair of a run, {@code ~~} and {@code ||} at the
         * first, and {@code *} or {@code _} at the end of a run of odd length (its pairs are text).
         */
        private int closer(Marker marker, int from, int to) {
            char c = marker.token.charAt(0);
            boolean firstPair = marker == Marker.STRIKE || marker == Marker.SPOILER;
            for (int k = from; k < to; k++) {
                char at = text.charAt(k);
                if (at == '\\') {
                    k++;
                } else if (at == c && firstPair) {
                    if (k > from && k + 1 < to && text.charAt(k + 1) == c) {
                        return k;
                    }
                } else if (at == c) {
                    int end = k + run(k, to, c);
                    int close = closerInRun(marker, from, k, end, to);
                    if (close >= 0) {
                        return close;
                    }
                    k = end - 1; // the next run: each character is looked at once
                }
            }
            return -1;
        }

        private int closerInRun(Marker marker, int from, int start, int end, int to) {
            boolean odd = (end - start) % 2 == 1;
            return switch (marker) {
                case BOLD, UNDERLINE -> end - start >= 2 && end - 2 > from ? end - 2 : -1;
                // Discord: a closing * follows a non-space; a closing _ ends a word.
                case ITALIC_STAR -> odd && !Character.isWhitespace(text.charAt(start - 1)) ? end - 1 : -1;
                case ITALIC_UNDERSCORE -> odd && (end == to || !isWordChar(text.charAt(end))) ? end - 1 : -1;
                case STRIKE, SPOILER -> -1; // found pair by pair in closer()
            };
        }

        /** How many {@code c} in a row start at {@code i}, before {@code to}. */
        private int run(int i, int to, char c) {
            int end = i;
            while (end < to && text.charAt(end) == c) {
                end++;
            }
            return end - i;
        }
    }
}
