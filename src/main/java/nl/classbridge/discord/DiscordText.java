package nl.classbridge.discord;

import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.FirstStrong;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.TextRenderer;

/**
 * A {@link Text} as a Discord message: values Markdown-escaped ({@link Markdown}), emphasis, the
 * title and a section's heading in bold, the catalogue's own words as written.
 */
public final class DiscordText extends TextRenderer {
    /** The one renderer; it holds no state. */
    public static final DiscordText MARKDOWN = new DiscordText();
    /** The right-to-left mark. */
    private static final char RLM = '\u200F';

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

    /**
     * Arabic lines that would take the wrong base direction, because no right-to-left letter comes
     * before a left-to-right one or none comes at all (a line that starts with a command, a code,
     * a Latin name or only a bullet and a number), start with a right-to-left mark (U+200F): it
     * stands before any code span, so nothing a parent copies carries it.
     */
    @Override
    protected String document(List<String> blocks, Language language) {
        String text = super.document(blocks, language);
        if (!language.rightToLeft()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(!line.isBlank() && FirstStrong.of(line) != FirstStrong.RIGHT_TO_LEFT ? RLM + line : line);
        }
        return out.toString();
    }

    private static String bold(String rendered) {
        return "**" + rendered + "**";
    }
}
