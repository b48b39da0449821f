package nl.classbridge.mail.agreements;

import java.util.Optional;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.agreements.ConfirmWords;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;

/**
 * A verified email reply to an agreement's mail: "yes" (or the same in the family's language) confirms
 * it; anything else is how the family sees it, in their own words, and the teacher is told. Only
 * called for a reply verified by that guardian's agreement token from their own address.
 */
public final class AgreementReplies {
    /** What came of a reply, for the mailbox's record. */
    public enum Outcome {
        CONFIRMED,
        DIFFERS,
        /** The agreement was done already: the words reach the teacher as a note. */
        CLOSED,
        /** Not (or no longer) theirs to answer. */
        NOT_THEIRS
    }

    private final Agreements agreements;

    public AgreementReplies(Agreements agreements) {
        this.agreements = agreements;
    }

    public Outcome answer(long agreementId, Guardian guardian, String replyText) {
        boolean confirms = ConfirmWords.confirms(replyText);
        String words = replyText.strip();
        if (words.length() > Agreements.MAX_OWN_WORDS) {
            // A long mail still counts; the teacher reads the start and can ask for the rest. Cut between
            // characters, never inside one.
            int end = words.offsetByCodePoints(0, words.codePointCount(0, Agreements.MAX_OWN_WORDS - 1));
            words = words.substring(0, end) + "…";
        }
        Agreements.Answered answered = agreements.answer(
                agreementId,
                guardian.id(),
                confirms ? ConfirmationStatus.CONFIRMED : ConfirmationStatus.DIFFERS,
                confirms ? Optional.empty() : Optional.of(words));
        if (answered instanceof Agreements.Answered.Saved) {
            return confirms ? Outcome.CONFIRMED : Outcome.DIFFERS;
        }
        return answered instanceof Agreements.Answered.Closed ? Outcome.CLOSED : Outcome.NOT_THEIRS;
    }
}
