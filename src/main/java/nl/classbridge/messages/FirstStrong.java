package nl.classbridge.messages;

/**
 * The base direction of a text as the Unicode bidirectional algorithm finds it (rule P2): from its
 * first strong letter, skipping values inside direction isolates (U+2066 to U+2069), so an Arabic
 * sentence that starts with an isolated Latin name is still right to left. Read by code point: the
 * two halves of an emoji would otherwise count as left-to-right letters.
 */
public enum FirstStrong {
    RIGHT_TO_LEFT,
    LEFT_TO_RIGHT,
    /** No strong letter outside isolates: only digits, punctuation, emoji or isolated values. */
    NONE;

    public static FirstStrong of(CharSequence text) {
        int isolated = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(Character.codePointAt(text, i))) {
            switch (Character.getDirectionality(Character.codePointAt(text, i))) {
                case Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                        Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                        Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE -> isolated++;
                case Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> isolated = Math.max(0, isolated - 1);
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    if (isolated == 0) {
                        return RIGHT_TO_LEFT;
                    }
                }
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                    if (isolated == 0) {
                        return LEFT_TO_RIGHT;
                    }
                }
                default -> {
                    // neutral: digits, punctuation, spaces, bullets, emoji
                }
            }
        }
        return NONE;
    }
}
