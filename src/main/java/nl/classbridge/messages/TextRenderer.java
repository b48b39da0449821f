package nl.classbridge.messages;

import java.util.List;
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
 * how emphasis, a title and a heading look; the plain text of an email shows none of them.
 *
 * <p>The core renders for email ({@link Destination}); the Discord adapter renders Markdown with a
 * renderer of its own, so the core knows nothing of Discord's markup.
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
        StringBuilder out = new StringBuilder();
        List<Block> blocks = text.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (i > 0) {
                out.append("\n\n");
            }
            if (block instanceof Title title) {
                out.append(title(spans(title.spans(), rightToLeft)));
            } else if (block instanceof Paragraph paragraph) {
                out.append(spans(paragraph.spans(), rightToLeft));
            } else if (block instanceof Section section) {
                out.append(heading(spans(section.heading(), rightToLeft)));
                for (List<Span> item : section.items()) {
                    out.append('\n').append(BULLET).append(spans(item, rightToLeft));
                }
            }
        }
        return out.toString();
    }

    /** A value the way a placeholder shows it, without the text around it: for a list put together in code. */
    public final String value(String raw, boolean rightToLeft) {
        String safe = value(raw);
        return rightToLeft && !safe.isEmpty() ? FSI + safe + PDI : safe;
    }

    /** A value made safe for this destination (without the isolation, which {@link #render} adds). */
    protected abstract String value(String raw);

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

    /**
     * Text as every destination wants it: without stray control characters and without the
     * invisible characters that turn text around or hide in it; line ends as {@code \n}.
     */
    protected static String clean(String raw) {
        return Escaping.text(raw);
    }

    private String spans(List<Span> spans, boolean rightToLeft) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            if (span instanceof Words words) {
                out.append(words.text());
            } else if (span instanceof Value value) {
                out.append(value(value.raw(), rightToLeft));
            } else if (span instanceof Strong strong) {
                out.append(strong(spans(strong.spans(), rightToLeft)));
            }
        }
        return out.toString();
    }
}
