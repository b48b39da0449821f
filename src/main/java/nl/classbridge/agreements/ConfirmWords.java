package nl.classbridge.agreements;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an email reply to an agreement says "that's right": the words the mail asks for in each of
 * the six languages, and the few ways people usually write them. Anything else is how the family
 * sees it, in their own words.
 */
public final class ConfirmWords {
    // nl, en, tr, pl, uk, ar: the word the mail asks for first, then common variants.
    private static final Set<String> CONFIRMS = Set.of(
                    "ja",
                    "klopt",
                    "ja klopt",
                    "dat klopt",
                    "ja dat klopt",
                    "akkoord",
                    "yes",
                    "correct",
                    "thats right",
                    "yes thats right",
                    "right",
                    "ok",
                    "okay",
                    "evet",
                    "dogru",
                    "evet dogru",
                    "tak",
                    "zgadza sie",
                    "tak zgadza sie",
                    "так",
                    "правильно",
                    "так правильно",
                    "نعم",
                    "صحيح",
                    "نعم صحيح")
            .stream()
            .map(ConfirmWords::simplify)
            .collect(Collectors.toUnmodifiableSet());

    private ConfirmWords() {}

    /** Whether the reply, as a whole, confirms. */
    public static boolean confirms(String reply) {
        return CONFIRMS.contains(simplify(reply));
    }

    /** Lower case, without accents, punctuation, emoji or apostrophes, single spaces. */
    static String simplify(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || c == '\'' || c == '’' || c == '\u0640') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(c == 'ı' ? 'i' : c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
