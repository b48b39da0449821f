package nl.classbridge.store;

import java.time.Instant;
import java.util.Optional;

/** What each class's teacher needs from parents, in their own words: one text per class, or none. */
public final class ClassNeedsRepository {
    private final Database database;

    public ClassNeedsRepository(Database database) {
        this.database = database;
    }

    /** The class's text, if the teacher wrote one. */
    public Optional<String> of(long classId) {
        return database.read(
                sql -> sql.one("SELECT text FROM class_needs WHERE class_id = ?", row -> row.string("text"), classId));
    }

    /** Replaces the class's text. */
    public void save(long classId, String text, long byUserId, Instant now) {
        database.write(sql -> sql.update("""
                INSERT INTO class_needs (class_id, text, written_by_user_id, written_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (class_id) DO UPDATE SET
                    text = excluded.text,
                    written_by_user_id = excluded.written_by_user_id,
                    written_at = excluded.written_at""", classId, text, byUserId, now));
    }

    /** Removes the class's text; returns whether there was one. */
    public boolean clear(long classId) {
        return database.write(sql -> sql.update("DELETE FROM class_needs WHERE class_id = ?", classId)) == 1;
    }
}
