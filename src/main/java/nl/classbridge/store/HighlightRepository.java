package nl.classbridge.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;

/** Highlights queued for the next class update, and those already shared. */
public final class HighlightRepository {
    private static final RowMapper<Highlight> HIGHLIGHT = row -> new Highlight(
            row.longValue("id"),
            row.longValue("class_id"),
            Coded.of(HighlightKind.class, row.string("kind")),
            row.string("text"),
            row.longValue("author_user_id"),
            row.instant("created_at"),
            row.optionalInstant("used_at"));

    private final Database database;

    public HighlightRepository(Database database) {
        this.database = database;
    }

    public Highlight add(long classId, HighlightKind kind, String text, long authorUserId, Instant now) {
        long id = database.write(sql -> sql.insert("""
                INSERT INTO highlight (class_id, kind, text, author_user_id, created_at)
                VALUES (?, ?, ?, ?, ?)""", classId, kind, text, authorUserId, now));
        return new Highlight(id, classId, kind, text, authorUserId, now, Optional.empty());
    }

    public Optional<Highlight> find(long highlightId) {
        return database.read(sql -> sql.one("SELECT * FROM highlight WHERE id = ?", HIGHLIGHT, highlightId));
    }

    public List<Highlight> queued(long classId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM highlight WHERE class_id = ? AND used_at IS NULL ORDER BY created_at, id",
                HIGHLIGHT,
                classId));
    }

    public boolean edit(long highlightId, String text) {
        return database.write(sql ->
                        sql.update("UPDATE highlight SET text = ? WHERE id = ? AND used_at IS NULL", text, highlightId))
                == 1;
    }

    public boolean remove(long highlightId) {
        return database.write(sql -> sql.update("DELETE FROM highlight WHERE id = ? AND used_at IS NULL", highlightId))
                == 1;
    }

    /** Marks highlights as shared in an update, so the next update does not repeat them. */
    public void markUsed(Collection<Long> highlightIds, Instant now) {
        database.execute(sql -> {
            for (long id : highlightIds) {
                sql.update("UPDATE highlight SET used_at = ? WHERE id = ?", now, id);
            }
            return null;
        });
    }

    /** The class's highlights written since {@code since}, shared or not, the newest first. */
    public List<Highlight> since(long classId, Instant since) {
        return database.read(sql -> sql.list(
                "SELECT * FROM highlight WHERE class_id = ? AND created_at >= ? ORDER BY created_at DESC, id DESC",
                HIGHLIGHT,
                classId,
                since));
    }

    /** Retention: highlights that went out in an update before {@code before}; queued ones stay. */
    public int removeUsedBefore(Instant before) {
        return database.write(sql -> sql.update("DELETE FROM highlight WHERE used_at < ?", before));
    }
}
