package nl.classbridge.checkin.questionnaire;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How a typed reply is compared with a label: what a parent types on a phone, maybe on a keyboard
 * without their own language's letters, should still match.
 */
public final class ReplyWords {

    // One word each for yes and no in nl, en, ar, tr, pl, uk.
    private static final Set<String> YES = simplified(Set.of("ja", "yes", "نعم", "evet", "tak", "так"));
    private static final Set<String> NO = simplified(Set.of("nee", "no", "لا", "hayır", "nie", "ні"));
    private static final char ARABIC_TATWEEL = '\u0640';
    /** Labels and option ids once simplified: few, fixed, and compared with every reply. */
    private static final Map<String, String> SIMPLIFIED_LABELS = new ConcurrentHashMap<>();

    private static final int MOST_LABELS_KEPT = 10_000;

    private ReplyWords() {}

    /**
     * Lower case, without emoji, punctuation or accents, single spaces: "😄 Heel goed!" becomes
     * "heel goed", "Źle" "zle", "hayır" "hayir", "جيدًا" "جيدا". Accents go because many parents
     * type on a keyboard that lacks them; Arabic vowel marks go because they are rarely typed.
     */
    public static String simplify(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c) || c == ARABIC_TATWEEL) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (gap && !out.isEmpty()) {
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

    /**
     * {@link #simplify} for a questionnaire's own labels and option ids, kept once done: a press
     * compares its reply with every label in every language, and normalising them each time cost
     * more than the rest of the press.
     */
    static String simplifiedLabel(String label) {
        String known = SIMPLIFIED_LABELS.get(label);
        if (known != null) {
            return known;
        }
        String simplified = simplify(label);
        if (SIMPLIFIED_LABELS.size() < MOST_LABELS_KEPT) {
            SIMPLIFIED_LABELS.put(label, simplified);
        }
        return simplified;
    }

    /** "yes" or "no" for a yes or no word in any of the six languages. */
    static Optional<String> yesOrNo(String reply) {
        String word = simplify(reply);
        if (YES.contains(word)) {
            return Optional.of("yes");
        }
        return NO.contains(word) ? Optional.of("no") : Optional.empty();
    }

    /** The number a reply of a single digit stands for, in any script (also Arabic-Indic ١..٥). */
    static Optional<Integer> digit(String reply) {
        String word = simplify(reply);
        if (word.codePointCount(0, word.length()) != 1) {
            return Optional.empty();
        }
        int value = Character.digit(word.codePointAt(0), 10);
        return value < 0 ? Optional.empty() : Optional.of(value);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static Set<String> simplified(Set<String> words) {
        return words.stream().map(ReplyWords::simplify).collect(Collectors.toUnmodifiableSet());
    }
}
