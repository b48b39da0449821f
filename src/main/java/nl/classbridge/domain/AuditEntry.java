package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A teacher action, for accountability. The detail holds ids and option names, never personal
 * data such as names, addresses or answers.
 */
public record AuditEntry(Instant at, long actorUserId, Optional<Long> classId, String action, String detail) {}
