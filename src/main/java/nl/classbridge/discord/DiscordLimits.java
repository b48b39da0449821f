package nl.classbridge.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.utils.SplitUtil;

/**
 * Discord's size limits, and texts made to fit them without breaking words: a long message is
 * split at paragraph boundaries, then at line ends, then between words.
 */
public final class DiscordLimits {
    public static final int MESSAGE = 2000;
    public static final int BUTTON_LABEL = 80;
    public static final int SELECT_OPTION_LABEL = 100;
    public static final int SELECT_PLACEHOLDER = 150;
    public static final int CUSTOM_ID = 100;
    public static final int MODAL_TITLE = 45;
    public static final int TEXT_INPUT_LABEL = 45;
    /** Options in a select menu, and choices an autocomplete may offer. */
    public static final int SELECT_OPTIONS = 25;
    /** The name and the value of an autocomplete choice. */
    public static final int CHOICE = 100;
    /** How much of an option the person typed is said back to them ("I don't know ..."). */
    public static final int ECHO = 100;

    private static final String ELLIPSIS = "…";

    private DiscordLimits() {}

    /** {@code text} as one or more messages of at most {@link #MESSAGE} characters. */
    public static List<String> split(String text) {
        return split(text, MESSAGE);
    }

    static List<String> split(String text, int limit) {
        return SplitUtil.split(
                text,
                limit,
                true,
                DiscordLimits::atParagraph,
                SplitUtil.Strategy.NEWLINE,
                SplitUtil.Strategy.WHITESPACE,
                DiscordLimits::atCodePoint);
    }

    /**
     * {@code text} shortened to at most {@code max} characters, at a word boundary with an
     * ellipsis, for labels and titles that cannot be split.
     */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        int space = text.lastIndexOf(' ', end);
        int cut = space > max / 2 ? space : end;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * What someone typed in an option, said back to them in a reply: stripped and at most
     * {@link #ECHO} characters, so 6,000 typed characters do not come back as three messages.
     */
    public static String echo(String typed) {
        return typed == null ? "" : fit(typed.strip(), ECHO);
    }

    /**
     * The longest of {@code render.apply(least)} .. {@code render.apply(most)} that fits one
     * message, for a text whose parts are each shortened to at most n characters; empty if even
     * {@code least} is too much. {@code render} must grow with n; it is called once when everything
     * fits whole (a question with nothing to shorten: every press), else about log2(most) times.
     */
    public static Optional<String> longestFitting(int least, int most, IntFunction<String> render) {
        if (least <= most) {
            // As render grows with n, the search would end at most if most fits: try it first.
            String whole = render.apply(most);
            if (whole.length() <= MESSAGE) {
                return Optional.of(whole);
            }
        }
        String best = null;
        int low = least;
        int high = most;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            String text = render.apply(middle);
            if (text.length() <= MESSAGE) {
                best = text;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Checks a component id against Discord's limit; a longer one is a bug in the caller. */
    public static String customId(String id) {
        if (id.length() > CUSTOM_ID) {
            throw new IllegalArgumentException("custom id longer than " + CUSTOM_ID + " characters");
        }
        return id;
    }

    private static int atParagraph(String text, int offset, int limit) {
        int at = text.lastIndexOf("\n\n", offset + limit);
        return at > offset ? at : -1;
    }

    /** The last resort for a single "word" longer than a message: never split an emoji in two. */
    private static int atCodePoint(String text, int offset, int limit) {
        int end = offset + limit;
        return Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }

    /** The parts with a header line each ("message 1/3, 1987 characters"), for previews. */
    public static List<String> numbered(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add("--- message " + (i + 1) + "/" + parts.size() + " ("
                    + parts.get(i).length() + " characters) ---");
            out.add(parts.get(i));
        }
        return out;
    }
}
