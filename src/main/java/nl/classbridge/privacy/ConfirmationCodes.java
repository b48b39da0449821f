package nl.classbridge.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.classbridge.domain.ConfirmationKind;
import nl.classbridge.roster.InviteCode;
import nl.classbridge.store.ConfirmationRepository;

/**
 * Codes that confirm what a family asked for where a button cannot: a new email address (the
 * code goes to the new address, so only its owner can confirm it) and being forgotten by email.
 * Codes look like invite codes ({@code ABCDE-FGHJK}, typed back in any case, with or without the
 * dash), are stored as a hash, are used once, expire after a day and die after five wrong tries.
 */
public final class ConfirmationCodes {
    static final Duration VALID_FOR = Duration.ofHours(24);
    static final int MOST_TRIES = 5;

    /** The outcome of typing a code back. */
    public sealed interface Outcome {}

    /** The right code: the request is used up; {@code newEmail} is set for an email change. */
    public record Confirmed(ConfirmationKind kind, Optional<String> newEmail) implements Outcome {}

    /** A wrong code; the request stays open for {@code triesLeft} more tries. */
    public record Wrong(int triesLeft) implements Outcome {}

    /** Nothing to confirm: never asked, expired, already used, or dropped after too many tries. */
    public record NothingOpen() implements Outcome {}

    private final ConfirmationRepository confirmations;
    private final InviteCode codes;
    private final Clock clock;

    public ConfirmationCodes(ConfirmationRepository confirmations, Clock clock) {
        this.confirmations = confirmations;
        this.codes = new InviteCode();
        this.clock = clock;
    }

    /**
     * Opens a request and returns its code, to be sent to the family (never stored, never logged).
     * An open request of the same kind is replaced: only the newest code works.
     */
    public String issue(long guardianId, ConfirmationKind kind, Optional<String> newEmail) {
        Objects.requireNonNull(newEmail, "newEmail");
        if ((kind == ConfirmationKind.EMAIL_CHANGE) != newEmail.isPresent()) {
            throw new IllegalArgumentException("a new email address goes with an email change only");
        }
        String code = codes.next();
        Instant now = clock.instant();
        confirmations.open(guardianId, kind, InviteCode.hash(code), newEmail, now, now.plus(VALID_FOR));
        return code;
    }

    /** The open, unexpired request of this kind, if any: for showing "waiting for your code". */
    public Optional<ConfirmationRepository.Pending> pending(long guardianId, ConfirmationKind kind) {
        return confirmations.open(guardianId, kind, clock.instant());
    }

    /** Checks a typed code against the guardian's open request of this kind. */
    public Outcome confirm(long guardianId, ConfirmationKind kind, String typed) {
        Instant now = clock.instant();
        Optional<ConfirmationRepository.Pending> open = confirmations.open(guardianId, kind, now);
        if (open.isEmpty()) {
            return new NothingOpen();
        }
        ConfirmationRepository.Pending pending = open.get();
        if (!InviteCode.plausible(typed) || !InviteCode.hash(typed).equals(pending.codeHash())) {
            int tries = confirmations.failedTry(pending.id());
            if (tries >= MOST_TRIES) {
                confirmations.drop(guardianId, kind);
                return new NothingOpen();
            }
            return new Wrong(MOST_TRIES - tries);
        }
        return confirmations.use(pending.id(), now) ? new Confirmed(kind, pending.newEmail()) : new NothingOpen();
    }

    /** Drops an open request, e.g. when the family cancels. */
    public void cancel(long guardianId, ConfirmationKind kind) {
        confirmations.drop(guardianId, kind);
    }
}
