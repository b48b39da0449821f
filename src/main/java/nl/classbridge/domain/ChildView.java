package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What a child said when the teacher asked them first, before talking with the parents: what goes
 * well, what they find hard, what they need. Brought into the conversation as the child's own view.
 */
public record ChildView(
        long id,
        long studentId,
        Optional<Long> conversationId,
        String text,
        long recordedByUserId,
        Instant recordedAt) {}
