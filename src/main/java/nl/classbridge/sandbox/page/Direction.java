package nl.classbridge.sandbox.page;

import nl.classbridge.messages.FirstStrong;

/**
 * The base direction the page gives a message or a line, from its first strong letter outside
 * isolated values ({@link FirstStrong}, as the bot's Discord text decides where a line needs a
 * right-to-left mark).
 * The page sets it explicitly because a browser's {@code dir="auto"} on a whole message only sees
 * its first letter and leaves the buttons below the text running left to right.
 */
final class Direction {
    static final String RTL = "rtl";
    static final String LTR = "ltr";

    private Direction() {}

    /** {@code rtl} or {@code ltr} by the first strong letter outside isolates; {@code auto} when there is none. */
    static String of(CharSequence text) {
        return switch (FirstStrong.of(text)) {
            case RIGHT_TO_LEFT -> RTL;
            case LEFT_TO_RIGHT -> LTR;
            case NONE -> "auto";
        };
    }

    /**
     * Whether a line of a right-to-left plain-text mail is left to right through and through: it has
     * a Latin letter and no right-to-left one, such as a code, a command or an address on its own
     * line. In the mail's right-to-left base its slash or dash would jump to the other end. A line
     * with a direction isolate is a sentence around values (a signature such as "Juf Vera، Groep 5"),
     * not a code: codes are written without invisible characters, so it keeps the mail's direction.
     */
    static boolean leftToRightOnly(CharSequence line) {
        boolean latin = false;
        for (int i = 0; i < line.length(); i += Character.charCount(Character.codePointAt(line, i))) {
            switch (Character.getDirectionality(Character.codePointAt(line, i))) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT,
                        Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                        Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                        Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                        Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                        Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> {
                    return false;
                }
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> latin = true;
                default -> {
                    // neutral
                }
            }
        }
        return latin;
    }
}
