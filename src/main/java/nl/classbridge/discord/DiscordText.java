package nl.classbridge.discord;

import java.util.List;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.TextRenderer;

/**
 * A {@link Text} as a Discord message: values Markdown-escaped ({@link Markdown}), emphasis, the
 * title and a section's heading in bold, the catalogue's own words as written.
 */
public final class DiscordText extends TextRenderer {
    /** The one renderer; it holds no state. */
    public static final DiscordText MARKDOWN = new DiscordText();

    private DiscordText() {}

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
        return bold(rendered);
    }

    @Override
    protected String title(String rendered) {
        return bold(rendered);
    }

    @Override
    protected String heading(String rendered) {
        return rendered.isEmpty() ? rendered : bold(rendered);
    }

    /** A section without a heading (its heading stands above it as a title) is just its list. */
    @Override
    protected String section(String heading, List<String> items) {
        if (!heading.isEmpty()) {
            return super.section(heading, items);
        }
        return items.isEmpty() ? "" : BULLET + String.join("\n" + BULLET, items);
    }

    private static String bold(String rendered) {
        return "**" + rendered + "**";
    }
}
