package nl.classbridge.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.ConfirmationKind;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;

/**
 * A family's requests about their data by (verified) email: MY DATA and FORGET ME. The answers are
 * outbox rows like every email; their content is made when the mail is composed (see
 * {@link #MY_DATA_KIND}), so no second copy of the family's data and no code in plain text ever
 * sits in the outbox.
 */
public final class FamilyRequests {
    /**
     * The email with the family's data as two attachments. Its payload is empty: the files are made
     * when the mail is composed, from what is stored then. Kept in the payload, they would copy all
     * of the family's answers into the outbox, where retention and an erasure would have to find them.
     */
    public static final String MY_DATA_KIND = "my-data";

    /**
     * The email with the code that confirms an erasure. The code is issued when the mail is composed
     * ({@link #forgetMeCode}): only its hash is ever stored, and a retry sends a fresh one.
     */
    public static final String FORGET_ME_CODE_KIND = "forget-me-code";

    /** What became of a FORGET ME by email; the names are the outcome codes of the mail. */
    public enum ForgetOutcome {
        /** No code, or not the right one: a (new) code is on its way to their address. */
        CODE_SENT,
        /** The right code: the family is erased. */
        ERASED
    }

    private final Outbox outbox;
    private final ConfirmationCodes codes;
    private final ForgetMe forgetMe;
    private final Clock clock;

    public FamilyRequests(Outbox outbox, ConfirmationCodes codes, ForgetMe forgetMe, Clock clock) {
        this.outbox = outbox;
        this.codes = codes;
        this.forgetMe = forgetMe;
        this.clock = clock;
    }

    /** MY DATA: their data by email, to the address the request was verified from. */
    public void sendMyData(Guardian guardian) {
        enqueue(guardian, MY_DATA_KIND, DedupeKeys.myDataEmail(guardian.id(), clock.instant()));
    }

    /**
     * FORGET ME, with what followed the keyword: the right code erases them; anything else sends a
     * code (a new one: a wrong code also counts as a try against the old one).
     */
    public ForgetOutcome forgetByEmail(Guardian guardian, String typed) {
        String code = typed.strip().isEmpty() ? "" : typed.strip().split("\\s+", 2)[0];
        if (!code.isEmpty()
                && eraseWithCode(guardian, code, new ForgetMe.Actor.Family()).isPresent()) {
            return ForgetOutcome.ERASED;
        }
        enqueue(guardian, FORGET_ME_CODE_KIND, DedupeKeys.forgetMeCodeEmail(guardian.id(), clock.instant()));
        return ForgetOutcome.CODE_SENT;
    }

    /**
     * A code that confirms an erasure where a button does: it goes in the button's id, so only a press
     * of the button that was shown (within a day) erases, never a made-up press.
     */
    public String offerErasure(Guardian guardian) {
        return forgetMeCode(guardian);
    }

    /** Erases the guardian when {@code code} is their open erasure code; empty when it is not. */
    public Optional<ForgetMe.Erased> eraseWithCode(Guardian guardian, String code, ForgetMe.Actor actor) {
        if (!(codes.confirm(guardian.id(), ConfirmationKind.FORGET_ME, code) instanceof ConfirmationCodes.Confirmed)) {
            return Optional.empty();
        }
        return Optional.of(forgetMe.erase(guardian, actor));
    }

    /** Drops an erasure that was offered: the family (or teacher) chose Cancel. */
    public void cancelErasure(Guardian guardian) {
        codes.cancel(guardian.id(), ConfirmationKind.FORGET_ME);
    }

    /** A fresh code for the mail being composed now; the one mailed before stops working. */
    public String forgetMeCode(Guardian guardian) {
        return codes.issue(guardian.id(), ConfirmationKind.FORGET_ME, Optional.empty());
    }

    private void enqueue(Guardian guardian, String kind, String dedupeKey) {
        Instant now = clock.instant();
        outbox.enqueue(new OutgoingMessage(
                        dedupeKey,
                        Optional.empty(),
                        Optional.of(guardian.id()),
                        DeliveryChannel.EMAIL,
                        kind,
                        "{\"asked\":" + now.toEpochMilli() + "}")
                .inTheConversation());
    }
}
