package nl.classbridge.discord;

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
        return bold(rendered);
    }

    private static String bold(String rendered) {
        return "**" + rendered + "**";
    }
}
