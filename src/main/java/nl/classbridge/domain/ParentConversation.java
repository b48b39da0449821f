package nl.classbridge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A parent-teacher conversation about one child, planned on a day (and perhaps a time) in the class's
 * time zone. Before it, the guardians get a short questionnaire (the before round); after it, the
 * teacher records agreements and the guardians get the after-conversation questionnaire (the after
 * round).
 */
public record ParentConversation(
        long id,
        long classId,
        long studentId,
        LocalDate plannedOn,
        Optional<LocalTime> plannedTime,
        boolean withChild,
        Optional<Long> beforeRoundId,
        Optional<Long> afterRoundId,
        long plannedByUserId,
        Instant createdAt,
        Optional<Instant> heldAt,
        Optional<Instant> cancelledAt) {

    /** Planned and neither held nor called off. */
    public boolean upcoming() {
        return heldAt.isEmpty() && cancelledAt.isEmpty();
    }
}
