package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A teacher's own look back on a parent conversation: what went well, what they would do
 * differently, what they take into the next conversation. Private to that teacher.
 */
public record Reflection(
        long conversationId,
        long teacherUserId,
        Optional<String> wentWell,
        Optional<String> differently,
        Optional<String> takeAlong,
        Instant recordedAt) {}
