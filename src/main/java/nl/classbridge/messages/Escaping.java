package nl.classbridge.messages;

import java.util.regex.Pattern;

/** How text is made safe for every destination: what each renderer does to a value first. */
final class Escaping {
    /** Control characters other than newline and tab, and Unicode line and paragraph separators. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[\\u2028\\u2029]");

    private Escaping() {}

    /**
     * Text without stray control characters and without the invisible characters that turn text
     * around or hide in it ({@link InvisibleCharacters}); Windows and old Mac line ends become {@code \n}.
     */
    static String text(String raw) {
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
        return InvisibleCharacters.remove(CONTROL_IN_TEXT.matcher(unified).replaceAll(""));
    }
}
