package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text.Block;
import nl.classbridge.messages.Text.Paragraph;
import nl.classbridge.messages.Text.Section;
import nl.classbridge.messages.Text.Span;
import nl.classbridge.messages.Text.Strong;
import nl.classbridge.messages.Text.Title;
import nl.classbridge.messages.Text.Value;
import nl.classbridge.messages.Text.Words;

/**
 * Renders a {@link Text} for one destination: blocks apart by a blank line, a section's items one
 * per line after a bullet, the catalogue's words as written, and every value made safe by
 * {@link #value} and isolated in right-to-left text. A destination says how values are escaped and
 * how emphasis, a title and a heading look; the plain text of an email shows none of them. One
 * with a structure of its own (HTML) also says how words, paragraphs, sections and the whole text
 * look.
 *
 * <p>The core only composes texts: every renderer is an adapter's (Markdown for Discord, the plain
 * part, the HTML part and the headers of an email for mail, the sandbox page's own texts), so the
 * core knows nothing of any markup.
 */
public abstract class TextRenderer {
    /** Before each item of a section. */
    protected static final String BULLET = "• ";
    /** First-strong isolate and pop-directional isolate: keep a Latin name whole inside Arabic text. */
    private static final char FSI = '\u2068';

    private static final char PDI = '\u2069';

    /** {@code text} as this destination shows it. */
    public final String render(Text text) {
        boolean rightToLeft = text.language().rightToLeft();
        List<String> blocks = new ArrayList<>();
        for (Block block : text.blocks()) {
            if (block instanceof Title title) {
                blocks.add(title(spans(title.spans(), rightToLeft)));
            } else if (block instanceof Paragraph paragraph) {
                blocks.add(paragraph(spans(paragraph.spans(), rightToLeft)));
            } else if (block instanceof Section section) {
                List<String> items = new ArrayList<>();
                for (List<Span> item : section.items()) {
                    items.add(spans(item, rightToLeft));
                }
                blocks.add(section(heading(spans(section.heading(), rightToLeft)), items));
            }
        }
        return document(blocks, text.language());
    }

    /** A value the way a placeholder shows it, without the text around it: for a list put together in code. */
    public final String value(String raw, boolean rightToLeft) {
        String safe = value(raw);
        return rightToLeft && !safe.isEmpty() ? FSI + safe + PDI : safe;
    }

    /** A value made safe for this destination (without the isolation, which {@link #render} adds). */
    protected abstract String value(String raw);

    /** Something to copy ({@link Text.Code}): by default the value made safe, never isolated. */
    protected String code(String raw) {
        return value(raw);
    }

    /** Emphasised text; as it is by default. */
    protected String strong(String rendered) {
        return rendered;
    }

    /** A title; as it is by default. */
    protected String title(String rendered) {
        return rendered;
    }

    /** A section's heading; as it is by default. */
    protected String heading(String rendered) {
        return rendered;
    }

    /** The catalogue's words; as written by default (they are trusted, but HTML still escapes them). */
    protected String words(String words) {
        return words;
    }

    /** A paragraph; as it is by default. */
    protected String paragraph(String rendered) {
        return rendered;
    }

    /** A section: by default its heading, then each item on a line of its own after a bullet. */
    protected String section(String heading, List<String> items) {
        StringBuilder out = new StringBuilder(heading);
        items.forEach(item -> out.append('\n').append(BULLET).append(item));
        return out.toString();
    }

    /** The whole text from its rendered blocks: by default set apart by a blank line. */
    protected String document(List<String> blocks, Language language) {
        return String.join("\n\n", blocks);
    }

    /**
     * Text as every destination wants it: without stray control characters and without the
     * invisible characters that turn text around or hide in it; line ends as {@code \n}.
     */
    protected static String clean(String raw) {
        return Escaping.text(raw);
    }

    /**
     * Text without the invisible characters that turn text around or hide in it, control
     * characters left as they are: for a destination with a stricter rule of its own for those
     * (an email header, which must stay one line).
     */
    protected static String visible(String raw) {
        return InvisibleCharacters.remove(raw);
    }

    private String spans(List<Span> spans, boolean rightToLeft) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            if (span instanceof Words words) {
                out.append(words(words.text()));
            } else if (span instanceof Value value) {
                out.append(value(value.raw(), rightToLeft));
            } else if (span instanceof Strong strong) {
                out.append(strong(spans(strong.spans(), rightToLeft)));
            } else if (span instanceof Text.Code code) {
                out.append(code(code.raw()));
            }
        }
        return out.toString();
    }
}
