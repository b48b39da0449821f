package nl.classbridge.messages;

import java.util.List;
import nl.classbridge.domain.Language;

/**
 * A composed text with its structure, before it is rendered for where it goes: blocks (a title,
 * paragraphs, sections with a heading and items), each a list of spans. The core composes texts;
 * each adapter renders them its own way ({@link TextRenderer}): Markdown for Discord, plain text,
 * HTML and headers for email.
 *
 * <p>A span is either {@link Words} from the catalogue, trusted and shown as translators wrote
 * them, or a {@link Value}: a placeholder's value or anything a person wrote, which every renderer
 * makes safe for its destination; or {@link Strong}, emphasis around other spans (the catalogue
 * writes it {@code **like this**}).
 *
 * @param language the language the words are in; values in right-to-left text are isolated
 */
public record Text(List<Block> blocks, Language language) {
    public Text {
        blocks = List.copyOf(blocks);
    }

    /** A text of one paragraph. */
    public static Text of(List<Span> spans, Language language) {
        return new Text(List.of(new Paragraph(spans)), language);
    }

    /** The spans of a one-paragraph text, for composing it into a larger one. */
    public List<Span> spans() {
        if (blocks.size() != 1 || !(blocks.get(0) instanceof Paragraph paragraph)) {
            throw new IllegalStateException("not a one-paragraph text");
        }
        return paragraph.spans();
    }

    /**
     * The words and values of a one-paragraph text as they are, emphasis as plain words: for a
     * short catalogue text (yes, no) that goes into another text as a value, where the renderer of
     * that text makes it safe.
     */
    public String words() {
        StringBuilder out = new StringBuilder();
        appendWords(spans(), out);
        return out.toString();
    }

    /** The words and values of {@code spans} as plain text. */
    static String words(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        appendWords(spans, out);
        return out.toString();
    }

    private static void appendWords(List<Span> spans, StringBuilder out) {
        for (Span span : spans) {
            if (span instanceof Words words) {
                out.append(words.text());
            } else if (span instanceof Value value) {
                out.append(value.raw());
            } else if (span instanceof Strong strong) {
                appendWords(strong.spans(), out);
            } else if (span instanceof Code code) {
                out.append(code.raw());
            }
        }
    }

    /** A part of a line. */
    public sealed interface Span permits Words, Value, Strong, Code {}

    /** The catalogue's own words: trusted, shown as written. */
    public record Words(String text) implements Span {}

    /** A value (a name, a date, what someone typed): escaped by every renderer, shown exactly as written. */
    public record Value(String raw) implements Span {}

    /**
     * Something to copy exactly, such as a code or a command ({@code /join code:ABCDE-FGHJK}): shown as
     * code where the destination has it, escaped like a value, and never wrapped in the direction
     * isolates of right-to-left text (a copied isolate would become part of what is typed).
     */
    public record Code(String raw) implements Span {}

    /** Emphasis around other spans. */
    public record Strong(List<Span> spans) implements Span {
        public Strong {
            spans = List.copyOf(spans);
        }
    }

    /** A part of a text, set apart from the next by a blank line. */
    public sealed interface Block permits Title, Paragraph, Section {}

    /** The text's title. */
    public record Title(List<Span> spans) implements Block {
        public Title {
            spans = List.copyOf(spans);
        }
    }

    /** A paragraph; line breaks inside its words stay. */
    public record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    /** A heading with a list of items under it, one per line. */
    public record Section(List<Span> heading, List<List<Span>> items) implements Block {
        public Section {
            heading = List.copyOf(heading);
            items = items.stream().<List<Span>>map(List::copyOf).toList();
        }
    }
}
