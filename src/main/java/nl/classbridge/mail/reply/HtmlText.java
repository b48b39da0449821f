package nl.classbridge.mail.reply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * The text of an HTML mail, as a reader sees it: a line per block, {@code <br>} as a line break,
 * entities decoded, lists numbered. Quoted mail is not dropped here but marked the way plain-text
 * mail marks it, so {@link OwnWords} handles both alike: {@code <blockquote>} lines start with
 * "> ", an attribution line (Gmail's {@code gmail_attr}, Thunderbird's {@code moz-cite-prefix})
 * becomes {@link #QUOTE_HEADER}, and where Outlook starts the original ({@code divRplyFwdMsg},
 * {@code OutlookMessageHeader}, {@code #appendonsend}, Yahoo's {@code yahoo_quoted}) the text
 * ends with {@link #ORIGINAL_FOLLOWS}; so it does at Outlook's top-bordered header div and Apple's
 * {@code AppleOriginalContents}. An {@code <hr>} outside a quote becomes {@link #RULE}.
 *
 * <p>The HTML is untrusted, so it is read by jsoup's HTML5 parser (linear in the size of the
 * mail, whatever its tags) and walked without recursion. Nesting deeper than {@link #MAX_NESTING}
 * is flattened by the parser, and quote marks stop at {@link #MAX_QUOTE_DEPTH}: no person nests
 * that deep, and a crafted mail must not make every line as long as its nesting.
 */
final class HtmlText {

    /** A line standing for "On ... wrote:": quoted lines follow. Private use, never typed. */
    static final String QUOTE_HEADER = "\uE000";
    /** A line after which only the original mail follows. Private use, never typed. */
    static final String ORIGINAL_FOLLOWS = "\uE001";
    /** A line standing for an {@code <hr>} outside a quote: the reply's own text ends there. Private use. */
    static final String RULE = "\uE002";
    /** Elements deeper than this are placed beside their parent instead of inside it. */
    static final int MAX_NESTING = 128;
    /** The most "&gt;" a quoted line gets; deeper quotes count as this deep. */
    static final int MAX_QUOTE_DEPTH = 8;

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "tr",
            "table",
            "tbody",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "address",
            "dl",
            "dt",
            "dd",
            "center",
            "form",
            "fieldset",
            "figure",
            "figcaption",
            "main",
            "nav");
    private static final Set<String> SKIPPED =
            Set.of("head", "style", "script", "title", "xml", "template", "noscript", "svg", "math");
    private static final Set<String> CUT_IDS =
            Set.of("divrplyfwdmsg", "appendonsend", "stopspelling", "mail-editor-reference-message-container");
    private static final Set<String> CUT_CLASSES =
            Set.of("outlookmessageheader", "yahoo_quoted", "appleoriginalcontents");
    // Outlook puts its header block in a div with a thin line on top: "border:none;border-top:solid #E1E1E1 1.0pt".
    private static final Pattern TOP_BORDER = Pattern.compile("border-top\\s*:\\s*solid", Pattern.CASE_INSENSITIVE);
    // Gmail's and Outlook's "indent" button: a blockquote with no border is the writer's indented text.
    private static final Pattern NO_BORDER = Pattern.compile("border\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    private static final Set<String> HEADER_CLASSES = Set.of("gmail_attr", "moz-cite-prefix");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\n\\f]+");

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final Deque<Integer> lists = new ArrayDeque<>();
    /** For each open blockquote, whether it is a quote (or only indentation). */
    private final Deque<Boolean> quotes = new ArrayDeque<>();

    private int depth;
    private int lineDepth;
    private int preformatted;

    private HtmlText() {}

    static String toText(String html) {
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_NESTING);
        HtmlText text = new HtmlText();
        Jsoup.parse(html, "", parser).filter(text.new Reader());
        return text.result();
    }

    /** Walks the parsed page once, depth first, with a stack of its own (never the call stack). */
    private final class Reader implements NodeFilter {
        @Override
        public FilterResult head(Node node, int level) {
            if (node instanceof TextNode textNode) {
                text(textNode.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.SKIP_ENTIRELY; // comments, doctypes, script data
            }
            String name = element.normalName();
            if (SKIPPED.contains(name)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String id = element.id().toLowerCase(Locale.ROOT);
            Set<String> classes = classes(element);
            if (CUT_IDS.contains(id)
                    || classes.stream().anyMatch(CUT_CLASSES::contains)
                    || (depth == 0
                            && name.equals("div")
                            && TOP_BORDER.matcher(element.attr("style")).find())) {
                breakLine();
                lines.add(ORIGINAL_FOLLOWS);
                return FilterResult.STOP;
            }
            if (classes.stream().anyMatch(HEADER_CLASSES::contains)
                    && !element.tag().isEmpty()) {
                breakLine();
                lines.add(QUOTE_HEADER);
                return FilterResult.SKIP_ENTIRELY;
            }
            open(element, name, classes);
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int level) {
            if (node instanceof Element element) {
                close(element.normalName());
            }
            return FilterResult.CONTINUE;
        }
    }

    private static Set<String> classes(Element element) {
        String value = element.className();
        if (value.isBlank()) {
            return Set.of();
        }
        Set<String> classes = new java.util.HashSet<>();
        for (String each : SPACES.split(value.strip().toLowerCase(Locale.ROOT))) {
            classes.add(each);
        }
        return classes;
    }

    private void open(Element element, String name, Set<String> classes) {
        switch (name) {
            case "br" -> newLine();
            case "blockquote" -> {
                breakLine();
                boolean quote = isQuote(element);
                quotes.push(quote);
                if (quote) {
                    depth++;
                }
            }
            case "hr" -> {
                breakLine();
                if (depth == 0) {
                    lines.add(RULE);
                }
            }
            case "pre" -> {
                breakLine();
                preformatted++;
            }
            case "ol" -> {
                breakLine();
                lists.push(parseStart(element.attr("start").strip()) - 1);
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
                    text(element.attr("alt"));
                }
            }
            case "td", "th" -> text(" ");
            default -> {
                if (BLOCKS.contains(name)) {
                    breakLine();
                }
            }
        }
    }

    private void close(String name) {
        switch (name) {
            case "blockquote" -> {
                breakLine();
                if (quotes.isEmpty() || quotes.pop()) {
                    depth = Math.max(0, depth - 1);
                }
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

    /**
     * Whether a blockquote is quoted mail: with or without {@code type=cite} it is, unless it is
     * only the indent button's work (no border, no cite, no quote class).
     */
    private static boolean isQuote(Element blockquote) {
        return blockquote.hasAttr("type")
                || !blockquote.className().isBlank()
                || !NO_BORDER.matcher(blockquote.attr("style")).find();
    }

    private static int parseStart(String start) {
        try {
            return start.isEmpty() ? 1 : Integer.parseInt(start);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Text as the parser decoded it (entities are already characters). */
    private void text(String decoded) {
        if (decoded.isEmpty()) {
            return;
        }
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
        int level = Math.min(line.isEmpty() ? depth : lineDepth, MAX_QUOTE_DEPTH);
        lines.add(">".repeat(level) + (level > 0 && !content.isEmpty() ? " " : "") + content);
        line.setLength(0);
    }

    private String result() {
        breakLine();
        return String.join("\n", lines);
    }
}
