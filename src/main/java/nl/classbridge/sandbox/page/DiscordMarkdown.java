package nl.classbridge.sandbox.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content of a Discord message, in Discord's Markdown, as an HTML fragment: for the sandbox
 * page that shows the messages the bot sent the way families see them in Discord. This class splits
 * the message into blocks, line by line; {@link DiscordMarkdownInline} renders the text inside each block.
 *
 * <p><b>Safe for untrusted input.</b> A message holds what parents and teachers typed, so every
 * character of it is HTML-escaped (by {@link Html}), and the only markup in the result is the fixed
 * tags written here and in {@link DiscordMarkdownInline}. The only attributes that carry message text are a
 * link's {@code href}, which is escaped and always an {@code http://} or {@code https://} URL, and a
 * code block's language class, which is escaped and limited to letters, digits and {@code _+-.#}.
 * Time is linear in the length of the input: each line is matched against a pattern at most a few
 * times, the patterns used cannot backtrack badly, and {@link DiscordMarkdownInline} explains its own bound.
 *
 * <p>What Discord shows, and this too:
 * <ul>
 * <li>inline: {@code **bold**}, {@code *italic*}, {@code _italic_}, {@code __underline__},
 * {@code ~~strike~~}, {@code ||spoiler||}, {@code `code`}, masked links {@code [text](https://...)},
 * bare and {@code <https://...>} links, backslash escapes ({@code \*} is a star that starts nothing),
 * mentions ({@code <@1>}, {@code <#1>}, {@code <@&1>}; ids are not looked up here, a user's id is kept in
 * {@code data-user} for {@link MessageView} to name), custom emoji as
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
    private static final String FENCE = "```";
    private static final Pattern FENCE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+\\-.#]{1,32}");
    private static final Pattern HEADING = Pattern.compile("(#{1,3}) +(\\S.*)", Pattern.DOTALL);
    private static final Pattern SUBTEXT = Pattern.compile("-# +(\\S.*)", Pattern.DOTALL);
    /** Discord wants a space after the {@code >}: {@code >text} and {@code >> text} are text. */
    private static final Pattern QUOTE = Pattern.compile(" *> +(.*)", Pattern.DOTALL);

    private static final Pattern QUOTE_REST = Pattern.compile(" *>>> +(.*)", Pattern.DOTALL);
    /** A bullet or a number (group 1), then the item (group 2); indented items are shown flat. */
    private static final Pattern LIST_ITEM = Pattern.compile(" *(?:[-*]|(\\d{1,9})\\.) +(\\S.*)", Pattern.DOTALL);

    private DiscordMarkdown() {}

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
            // Written aside: only once a line turns out to start a block does the paragraph before it end.
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
            DiscordMarkdownInline.render(m.group(2), html);
            html.append("</").append(tag).append(">\n");
            return i + 1;
        }
        if (lead == '-' && (m = SUBTEXT.matcher(line)).matches()) {
            html.append("<p><small class=\"subtext\">");
            DiscordMarkdownInline.render(m.group(1), html);
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
            html.append(" class=\"language-").append(Html.text(language)).append('"');
        }
        html.append('>');
        String shown = String.join("\n", code.subList(from, to));
        Html.appendText(html, shown, 0, shown.length());
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
        while (end < lines.size()
                && (m = LIST_ITEM.matcher(lines.get(end))).matches()
                && (m.group(1) != null) == numbered) {
            html.append("<li>");
            DiscordMarkdownInline.render(m.group(2), html);
            html.append("</li>\n");
            end++;
        }
        html.append(numbered ? "</ol>\n" : "</ul>\n");
        return end;
    }

    /** The lines gathered so far as one paragraph, if any; then {@code lines} is empty for the next. */
    private static void paragraph(List<String> lines, StringBuilder html) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<p>");
        DiscordMarkdownInline.render(String.join("\n", lines), html);
        html.append("</p>\n");
        lines.clear();
    }
}
