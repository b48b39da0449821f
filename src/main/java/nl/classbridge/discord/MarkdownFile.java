package nl.classbridge.discord;

import java.util.List;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.TextRenderer;

/**
 * A {@link Text} as a Markdown file ({@code .md}), for a text too long for one message that goes as
 * an attachment: a title a heading, a section's heading a smaller one, items a list. Values are
 * escaped as in a message ({@link Markdown}), so families' words show exactly as written.
 */
public final class MarkdownFile extends TextRenderer {
    /** The one renderer; it holds no state. */
    public static final MarkdownFile DOCUMENT = new MarkdownFile();

    private MarkdownFile() {}

    @Override
    protected String value(String raw) {
        return Markdown.escape(clean(raw));
    }

    /** A code span, as Discord shows it: no escaping inside it, so only its own backticks must go. */
    @Override
    protected String code(String raw) {
        String safe = clean(raw).replace('`', '\'').replace("\n", " ");
        return safe.isBlank() ? safe : "`" + safe + "`";
    }

    @Override
    protected String strong(String rendered) {
        return "**" + rendered + "**";
    }

    @Override
    protected String title(String rendered) {
        return "## " + rendered;
    }

    @Override
    protected String heading(String rendered) {
        return rendered.isEmpty() ? rendered : "### " + rendered;
    }

    @Override
    protected String section(String heading, List<String> items) {
        StringBuilder out = new StringBuilder(heading);
        if (!heading.isEmpty() && !items.isEmpty()) {
            out.append('\n');
        }
        // A blank line between a heading and its list, and each item as a list item; a line break
        // inside an item stays inside it (two spaces make Markdown keep the break).
        items.forEach(item -> out.append('\n').append("- ").append(item.replace("\n", "  \n  ")));
        return out.toString().stripLeading();
    }
}
