package nl.classbridge.mail.reply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The text of an HTML mail, as a reader sees it: a line per block, {@code <br>} as a line break,
 * entities decoded, lists numbered. Quoted mail is not dropped here but marked the way plain-text
 * mail marks it, so {@link OwnWords} handles both alike: {@code <blockquote>} lines start with
 * "> ", an attribution line (Gmail's {@code gmail_attr}, Thunderbird's {@code moz-cite-prefix})
 * becomes {@link #QUOTE_HEADER}, and where Outlook starts the original ({@code divRplyFwdMsg},
 * {@code OutlookMessageHeader}, {@code #appendonsend}, Yahoo's {@code yahoo_quoted}) the text
 * ends with {@link #ORIGINAL_FOLLOWS}.
 */
final class HtmlText {

    /** A line standing for "On ... wrote:": quoted lines follow. Private use, never typed. */
    static final String QUOTE_HEADER = "\uE000";
    /** A line after which only the original mail follows. Private use, never typed. */
    static final String ORIGINAL_FOLLOWS = "\uE001";

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "tbody",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "section", "article", "header", "footer",
            "address", "dl", "dt", "dd", "center", "form", "fieldset", "figure", "figcaption", "main", "nav");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "xml", "template");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "meta", "link", "input", "wbr", "col",
            "area", "base", "source");
    private static final Set<String> CUT_IDS = Set.of("divrplyfwdmsg", "appendonsend", "stopspelling");
    private static final Set<String> CUT_CLASSES = Set.of("outlookmessageheader", "yahoo_quoted");
    private static final Set<String> HEADER_CLASSES = Set.of("gmail_attr", "moz-cite-prefix");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*(?:=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\n\\f]+");

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final Deque<Integer> lists = new ArrayDeque<>();
    private int depth;
    private int lineDepth;
    private int preformatted;
    private boolean cut;

    private HtmlText() {
    }

    static String toText(String html) {
        HtmlText text = new HtmlText();
        text.read(html);
        return text.result();
    }

    private void read(String html) {
        int i = 0;
        int length = html.length();
        while (i < length && !cut) {
            int open = html.indexOf('<', i);
            if (open < 0) {
                text(html.substring(i));
                break;
            }
            text(html.substring(i, open));
            if (html.startsWith("<!--", open)) {
                int end = html.indexOf("-->", open + 4);
                i = end < 0 ? length : end + 3;
                continue;
            }
            char next = open + 1 < length ? html.charAt(open + 1) : ' ';
            if (!Character.isLetter(next) && next != '/' && next != '!' && next != '?') {
                text("<");
                i = open + 1;
                continue;
            }
            int close = tagEnd(html, open + 1);
            if (close < 0) {
                text(html.substring(open));
                break;
            }
            String tag = html.substring(open + 1, close);
            i = close + 1;
            if (tag.startsWith("!") || tag.startsWith("?") || tag.isEmpty()) {
                continue;
            }
            boolean closing = tag.startsWith("/");
            String body = closing ? tag.substring(1) : tag;
            int nameEnd = 0;
            while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd))
                    && body.charAt(nameEnd) != '/' && body.charAt(nameEnd) != '>') {
                nameEnd++;
            }
            String name = body.substring(0, nameEnd).toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
                text(html.substring(open, close + 1));
                continue;
            }
            if (closing) {
                closeTag(name);
            } else if (SKIPPED.contains(name)) {
                i = skipElement(html, i, name);
            } else {
                i = openTag(html, i, name, body.substring(nameEnd));
            }
        }
    }

    /** The index of the '>' closing a tag, quotes respected; -1 when there is none. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                // A quote only opens inside an attribute value, after '='.
                int before = i - 1;
                while (before >= from && Character.isWhitespace(html.charAt(before))) {
                    before--;
                }
                if (before >= from && html.charAt(before) == '=') {
                    quote = c;
                }
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private int openTag(String html, int after, String name, String attributes) {
        String id = "";
        Set<String> classes = Set.of();
        String alt = "";
        String start = "";
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            value = value == null ? "" : StringEscapeUtils.unescapeHtml4(value);
            switch (key) {
                case "id" -> id = value.toLowerCase(Locale.ROOT);
                case "class" -> classes = Set.of(value.toLowerCase(Locale.ROOT).strip().split("\\s+"));
                case "alt" -> alt = value;
                case "start" -> start = value.strip();
                default -> { }
            }
        }
        if (CUT_IDS.contains(id) || classes.stream().anyMatch(CUT_CLASSES::contains)) {
            breakLine();
            lines.add(ORIGINAL_FOLLOWS);
            cut = true;
            return html.length();
        }
        if (classes.stream().anyMatch(HEADER_CLASSES::contains) && !VOID.contains(name)) {
            breakLine();
            lines.add(QUOTE_HEADER);
            return skipElement(html, after, name);
        }
        switch (name) {
            case "br" -> newLine();
            case "blockquote" -> {
                breakLine();
                depth++;
            }
            case "pre" -> {
                breakLine();
                preformatted++;
            }
            case "ol" -> {
                breakLine();
                lists.push(parseStart(start) - 1);
            }
            case "ul" -> {
                breakLine();
                lists.push(-1);
            }
            case "li" -> {
                breakLine();
                if (!lists.isEmpty() && lists.peek() >= 0) {
                    int number = lists.pop() + 1;
                    lists.push(number);
                    text(number + ". ");
                } else {
                    text("- ");
                }
            }
            case "img" -> {
                if (classes.stream().anyMatch(c -> c.contains("emoji"))) {
                    text(alt);
                }
            }
            case "td", "th" -> text(" ");
            default -> {
                if (BLOCKS.contains(name)) {
                    breakLine();
                }
            }
        }
        return after;
    }

    private void closeTag(String name) {
        switch (name) {
            case "blockquote" -> {
                breakLine();
                depth = Math.max(0, depth - 1);
            }
            case "pre" -> {
                breakLine();
                preformatted = Math.max(0, preformatted - 1);
            }
            case "ol", "ul" -> {
                breakLine();
                if (!lists.isEmpty()) {
                    lists.pop();
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    breakLine();
                }
            }
        }
    }

    /** Past the end of the element whose start tag ended just before {@code from}. */
    private static int skipElement(String html, int from, String name) {
        Pattern tags = Pattern.compile("<(/?)" + Pattern.quote(name) + "(?=[\\s/>])[^>]*>", Pattern.CASE_INSENSITIVE);
        Matcher m = tags.matcher(html);
        int level = 1;
        int at = from;
        while (m.find(at)) {
            at = m.end();
            if (m.group(1).isEmpty()) {
                if (!m.group().endsWith("/>")) {
                    level++;
                }
            } else if (--level == 0) {
                return at;
            }
        }
        return html.length();
    }

    private static int parseStart(String start) {
        try {
            return start.isEmpty() ? 1 : Integer.parseInt(start);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void text(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        String decoded = decode(raw);
        if (preformatted > 0) {
            String[] parts = decoded.replace("\r\n", "\n").split("\n", -1);
            for (int p = 0; p < parts.length; p++) {
                if (p > 0) {
                    newLine();
                }
                append(parts[p]);
            }
            return;
        }
        String collapsed = SPACES.matcher(decoded).replaceAll(" ");
        if (line.isEmpty() || line.charAt(line.length() - 1) == ' ') {
            collapsed = collapsed.stripLeading();
        }
        append(collapsed);
    }

    private static String decode(String raw) {
        return raw.indexOf('&') < 0 ? raw
                : StringEscapeUtils.unescapeHtml4(raw.replace("&apos;", "'").replace("&APOS;", "'"));
    }

    private void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (line.isEmpty()) {
            lineDepth = depth;
        }
        line.append(text);
    }

    /** Ends the line if anything is on it: the edge of a block. */
    private void breakLine() {
        if (!line.isEmpty()) {
            newLine();
        }
    }

    /** Ends the line, even an empty one: a {@code <br>}. */
    private void newLine() {
        String content = line.toString().replace('\u00A0', ' ').strip();
        int level = line.isEmpty() ? depth : lineDepth;
        lines.add(">".repeat(level) + (level > 0 && !content.isEmpty() ? " " : "") + content);
        line.setLength(0);
    }

    private String result() {
        breakLine();
        return String.join("\n", lines);
    }
}
