package nl.classbridge.store;

import java.time.Instant;
import java.util.List;
import nl.classbridge.domain.AuditEntry;

/** Teacher actions, newest last. Ids and action names only: no personal data goes in here. */
public final class AuditLog {
    private static final RowMapper<AuditEntry> ENTRY = row -> new AuditEntry(
            row.instant("at"),
            row.longValue("actor_user_id"),
            row.optionalLong("class_id"),
            row.string("action"),
            row.string("detail"));

    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    public void record(AuditEntry entry) {
        database.write(sql -> sql.insert(
                "INSERT INTO audit_log (at, actor_user_id, class_id, action, detail) VALUES (?, ?, ?, ?, ?)",
                entry.at(),
                entry.actorUserId(),
                entry.classId(),
                entry.action(),
                entry.detail()));
    }

    public List<AuditEntry> ofClass(long classId) {
        return database.read(
                sql -> sql.list("SELECT * FROM audit_log WHERE class_id = ? ORDER BY at, id", ENTRY, classId));
    }

    public List<AuditEntry> since(Instant from) {
        return database.read(sql -> sql.list("SELECT * FROM audit_log WHERE at >= ? ORDER BY at, id", ENTRY, from));
    }

    /** Forgets entries older than {@code before}, by the retention setting. */
    public int removeOlderThan(Instant before) {
        return database.write(sql -> sql.update("DELETE FROM audit_log WHERE at < ?", before));
    }
}
