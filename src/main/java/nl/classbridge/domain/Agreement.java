package nl.classbridge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What teacher and family agreed after a conversation: who does what, and when to align again.
 */
public record Agreement(
        long id,
        long studentId,
        Optional<Long> guardianId,
        String text,
        AgreementOwner owner,
        Optional<LocalDate> followUpOn,
        boolean done,
        long createdByUserId,
        Instant createdAt,
        Optional<Instant> doneAt) {

    /** Open agreements whose follow-up date has come. */
    public boolean followUpDue(LocalDate today) {
        return !done && followUpOn.map(date -> !date.isAfter(today)).orElse(false);
    }
}
