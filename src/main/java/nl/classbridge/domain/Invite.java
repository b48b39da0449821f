package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A one-time invite for a guardian of one child. Only a hash of its code is stored: the code
 * itself exists once, in the text the teacher passes on.
 */
public record Invite(
        long id, long studentId, long createdByUserId, Instant createdAt, Instant expiresAt, Optional<Instant> usedAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean used() {
        return usedAt.isPresent();
    }
}
