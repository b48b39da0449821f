package nl.classbridge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What teacher and family agreed about one child: who does what, and on which day (in the class's
 * time zone) they align again. Each guardian confirms it or says how they see it.
 */
public record Agreement(
        long id,
        long studentId,
        Optional<Long> conversationId,
        String text,
        AgreementOwner owner,
        Optional<LocalDate> alignAgainOn,
        AgreementStatus status,
        long createdByUserId,
        Instant createdAt,
        Optional<Instant> doneAt,
        Optional<Instant> remindedAt) {

    public boolean open() {
        return status == AgreementStatus.OPEN;
    }
}
