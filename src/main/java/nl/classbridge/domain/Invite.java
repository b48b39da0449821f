package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A one-time invite for a guardian of one child. Only a hash of its code is stored: the code
 * itself exists once, in the text the teacher passes on.
 *
 * @param language the language the teacher made the invite's text in, if they chose one: a new
 *     guardian who joins with it starts in that language
 */
public record Invite(
        long id,
        long studentId,
        long createdByUserId,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> usedAt,
        Optional<Language> language) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean used() {
        return usedAt.isPresent();
    }
}
