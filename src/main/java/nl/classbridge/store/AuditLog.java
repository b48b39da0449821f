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

    /** An entry about a class, with the class's name as it is now. */
    public record OfClass(AuditEntry entry, String className) {}

    /**
     * The entries about the classes of one Discord server ({@code guildId}) since {@code from},
     * newest first, at most {@code limit}. Entries about no class (the daily retention) and another
     * server's classes are never among them.
     */
    public List<OfClass> ofServerSince(long guildId, Instant from, int limit) {
        return database.read(sql ->
                sql.list("""
                SELECT audit_log.*, school_class.name AS class_name
                FROM audit_log JOIN school_class ON school_class.id = audit_log.class_id
                WHERE school_class.guild_id = ? AND audit_log.at >= ?
                ORDER BY audit_log.at DESC, audit_log.id DESC
                LIMIT ?""", row -> new OfClass(ENTRY.map(row), row.string("class_name")), guildId, from, limit));
    }
}
