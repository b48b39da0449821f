package nl.classbridge.messages;

import java.lang.Character.UnicodeScript;

/**
 * Takes out the invisible characters that let text pretend to be something else: direction
 * controls that turn the rest of a line around (U+202A-U+202E, U+2066-U+2069, U+061C, and the
 * marks U+200E and U+200F) and zero-width characters that make two names look the same
 * (U+200B, U+2060-U+2064, U+FEFF).
 *
 * <p>Two zero-width characters are part of real writing and stay where they do that work: the
 * joiner (U+200D) between emoji, which makes one family emoji of a woman and a girl, and the
 * non-joiner and joiner (U+200C, U+200D) between letters of scripts that join or combine letters,
 * such as Arabic and Persian ({@code می‌خواهم}) or Hindi. Between Latin, Greek or Cyrillic letters
 * they change nothing a reader can see, so there they go too. The direction isolates the renderer
 * adds around values in right-to-left text are added after this, and are not touched.
 */
final class InvisibleCharacters {
    private static final char ZWNJ = '\u200C';
    private static final char ZWJ = '\u200D';

    private InvisibleCharacters() {}

    /** {@code text} without direction controls and without zero-width characters that do no work. */
    static String remove(String text) {
        if (text.chars().noneMatch(InvisibleCharacters::suspect)) {
            return text; // the usual case: nothing to look at
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!suspect(c) || keeps(text, i)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean suspect(int c) {
        return c == '\u061C'
                || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }

    /** Whether the joiner or non-joiner at {@code i} joins something, as described above. */
    private static boolean keeps(String text, int i) {
        char c = text.charAt(i);
        if (c != ZWNJ && c != ZWJ || i == 0 || i + 1 >= text.length()) {
            return false;
        }
        int before = baseBefore(text, i);
        int after = text.codePointAt(i + 1);
        if (c == ZWJ && emoji(before) && emoji(after)) {
            return true;
        }
        return Character.isLetter(before)
                && joiningScript(before)
                && (Character.isLetter(after) || Character.getType(after) == Character.NON_SPACING_MARK);
    }

    /** The code point before {@code i}, past combining marks, emoji variation selectors and skin tones. */
    private static int baseBefore(String text, int i) {
        int at = i;
        while (at > 0) {
            int cp = text.codePointBefore(at);
            boolean modifier = cp == 0xFE0F
                    || cp == 0xFE0E
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                    || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (!modifier) {
                return cp;
            }
            at -= Character.charCount(cp);
        }
        return ' ';
    }

    /** The blocks emoji in joined sequences come from (people, objects, symbols, flags). */
    private static boolean emoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2300 && cp <= 0x23FF);
    }

    private static boolean joiningScript(int cp) {
        UnicodeScript script = UnicodeScript.of(cp);
        return script != UnicodeScript.LATIN
                && script != UnicodeScript.GREEK
                && script != UnicodeScript.CYRILLIC
                && script != UnicodeScript.COMMON;
    }
}
