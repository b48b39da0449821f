package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/** Something that went well, jotted down by the teacher for the next class update. */
public record Highlight(
        long id,
        long classId,
        HighlightKind kind,
        String text,
        long authorUserId,
        Instant createdAt,
        Optional<Instant> usedAt) {

    public boolean queued() {
        return usedAt.isEmpty();
    }
}
