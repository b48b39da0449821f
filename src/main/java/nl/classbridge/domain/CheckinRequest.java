package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One guardian asked about one child in one round: the stored state of that conversation, so it
 * survives a restart. A guardian with two children in the class has two requests.
 *
 * @param position the index of the next question to ask
 */
public record CheckinRequest(
        long id,
        long roundId,
        long guardianId,
        long studentId,
        ContactChannel channel,
        RequestStatus status,
        int position,
        Instant createdAt,
        Optional<Instant> completedAt) {}
