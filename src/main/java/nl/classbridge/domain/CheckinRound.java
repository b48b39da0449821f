package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A check-in the teacher starts for the whole class, or a questionnaire about one child (before and
 * after a parent conversation): one questionnaire version, a deadline, and a random token that lets
 * an email reply find its way back to this round.
 */
public record CheckinRound(
        long id,
        long classId,
        long questionnaireVersionId,
        String token,
        long startedByUserId,
        Instant startedAt,
        Instant deadline,
        Optional<Instant> remindedAt,
        Optional<Instant> closedAt,
        Optional<Long> aboutStudent) {

    /** A round for the whole class, not about one child. */
    public boolean forClass() {
        return aboutStudent.isEmpty();
    }

    /** Open until the teacher closes it or the deadline passes. */
    public boolean openAt(Instant now) {
        return closedAt.isEmpty() && now.isBefore(deadline);
    }
}
