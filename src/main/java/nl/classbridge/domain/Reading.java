package nl.classbridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A teacher reading what families answered, for the audit trail of reading: who, which class and
 * which round or child by id, and when. Never what they read. The services that show answers
 * record one entry per read, so every caller (Discord, the sandbox page) is logged alike.
 */
public enum Reading {
    CHECKIN_RESULTS("read:checkin-results"),
    PREP("read:prep"),
    EXPORT("read:export"),
    CLASS_OVERVIEW("read:class-overview"),
    CLASS_OFFERS("read:class-offers");

    private final String action;

    Reading(String action) {
        this.action = action;
    }

    /** The action name in the audit log, e.g. {@code read:prep}. */
    public String action() {
        return action;
    }

    /** The audit entry: {@code scope} holds ids and counts only, such as {@code round=12 student=3}. */
    public AuditEntry entry(Instant at, long readerUserId, long classId, String scope) {
        return new AuditEntry(at, readerUserId, Optional.of(classId), action, scope);
    }
}
