package nl.classbridge.sandbox.page;

/**
 * The markers that wrap text in {@link DiscordMarkdownInline}: bold, underline, strike, spoiler and
 * the two italics, in the order they are tried at one position. Each knows where it opens and where
 * it closes, by Discord's rules; these rules are the fiddly part of looking like Discord, so they are
 * kept apart from the reading and writing, in one place with nothing else to follow.
 *
 * <p>A run of the marker's character counts as a whole, as in Discord's patterns, and an escaped
 * character never closes. Finding a closer reads each character once.
 */
enum DiscordMarkdownEmphasis {
    BOLD("**", "<strong>", "</strong>"),
    UNDERLINE("__", "<u>", "</u>"),
    STRIKE("~~", "<s>", "</s>"),
    SPOILER("||", "<span class=\"spoiler\">", "</span>"),
    ITALIC_STAR("*", "<em>", "</em>"),
    ITALIC_UNDERSCORE("_", "<em>", "</em>");

    final String token;
    final String open;
    final String close;

    DiscordMarkdownEmphasis(String token, String open, String close) {
        this.token = token;
        this.open = open;
        this.close = close;
    }

    /** Whether this marker starts at {@code text[i]}, with something after it before {@code to}. */
    boolean opens(String text, int i, int to) {
        int inside = i + token.length();
        if (inside >= to || !text.startsWith(token, i)) {
            return false;
        }
        char next = text.charAt(inside);
        return switch (this) {
            case ITALIC_STAR -> next != '*' && !Character.isWhitespace(next); // "* " is a bullet, not italics
            case ITALIC_UNDERSCORE -> next != '_';
            default -> true;
        };
    }

    /** Where this marker closes text that starts at {@code from}, or -1 when it does not before {@code to}. */
    int closer(String text, int from, int to) {
        char c = token.charAt(0);
        for (int k = from; k < to; k++) {
            char at = text.charAt(k);
            if (at == '\\') {
                k++;
            } else if (at == c) {
                int end = k + DiscordMarkdownInline.run(text, k, to, c);
                int close = closerInRun(text, from, k, end, to);
                if (close >= 0) {
                    return close;
                }
                k = end - 1; // on after the run: each character is looked at once
            }
        }
        return -1;
    }

    /**
     * Where in the run {@code text[start, end)} this marker closes, or -1: {@code **} and {@code __}
     * at the run's last pair, {@code ~~} and {@code ||} at its first, either only with text inside;
     * {@code *} and {@code _} at the end of a run of odd length (its pairs are text).
     */
    private int closerInRun(String text, int from, int start, int end, int to) {
        int firstPair = Math.max(start, from + 1);
        boolean odd = (end - start) % 2 == 1;
        return switch (this) {
            case BOLD, UNDERLINE -> end - 2 >= firstPair ? end - 2 : -1;
            case STRIKE, SPOILER -> end - 2 >= firstPair ? firstPair : -1;
            // Discord: a closing * follows a non-space; a closing _ ends a word.
            case ITALIC_STAR -> odd && !Character.isWhitespace(text.charAt(start - 1)) ? end - 1 : -1;
            case ITALIC_UNDERSCORE -> odd && (end == to || !isWordChar(text.charAt(end))) ? end - 1 : -1;
        };
    }

    /** JavaScript's {@code \w}, which Discord uses for where an {@code _italic_} may end. */
    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
