package nl.classbridge.agreements;

import java.util.Set;
import java.util.stream.Collectors;
import nl.classbridge.checkin.questionnaire.ReplyWords;

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
                    "that's right",
                    "yes, that's right",
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
            .map(ReplyWords::simplify)
            .collect(Collectors.toUnmodifiableSet());

    private ConfirmWords() {}

    /** Whether the reply, as a whole, confirms. */
    public static boolean confirms(String reply) {
        return CONFIRMS.contains(ReplyWords.simplify(reply));
    }
}
