package nl.classbridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.TeacherRole;

/** The teachers of each class: one owner and any co-teachers. */
public final class ClassTeacherRepository {
    private static final RowMapper<ClassTeacher> TEACHER = row -> new ClassTeacher(
            row.longValue("class_id"),
            row.longValue("user_id"),
            row.string("name"),
            Coded.of(TeacherRole.class, row.string("role")),
            row.longValue("added_by_user_id"),
            row.instant("added_at"));

    private final Database database;

    public ClassTeacherRepository(Database database) {
        this.database = database;
    }

    /** Adds a co-teacher; returns false when they are a teacher of the class already. */
    public boolean addCoTeacher(long classId, long userId, String name, long addedByUserId, Instant now) {
        return database.write(sql -> sql.update("""
                INSERT OR IGNORE INTO class_teacher (class_id, user_id, name, role, added_by_user_id, added_at)
                VALUES (?, ?, ?, ?, ?, ?)""", classId, userId, name, TeacherRole.CO_TEACHER, addedByUserId, now))
                == 1;
    }

    /**
     * Makes {@code userId} the class's owner; the previous owner is no longer a teacher of the class
     * (a co-teacher who becomes owner keeps one row). Part of a class's creation and of a takeover.
     */
    public void setOwner(long classId, long userId, String name, long byUserId, Instant now) {
        database.inTransaction(() -> database.execute(sql -> {
            sql.update(
                    "DELETE FROM class_teacher WHERE class_id = ? AND (role = 'owner' OR user_id = ?)",
                    classId,
                    userId);
            return sql.update("""
                    INSERT INTO class_teacher (class_id, user_id, name, role, added_by_user_id, added_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", classId, userId, name, TeacherRole.OWNER, byUserId, now);
        }));
    }

    /** Refreshes a teacher's name as shown in the class's list (they may have changed it on Discord). */
    public void rename(long classId, long userId, String name) {
        database.write(sql -> sql.update(
                "UPDATE class_teacher SET name = ? WHERE class_id = ? AND user_id = ?", name, classId, userId));
    }

    /** Removes a co-teacher; the owner is never removed this way. */
    public boolean removeCoTeacher(long classId, long userId) {
        return database.write(sql -> sql.update(
                        "DELETE FROM class_teacher WHERE class_id = ? AND user_id = ? AND role = 'co-teacher'",
                        classId,
                        userId))
                == 1;
    }

    public Optional<ClassTeacher> find(long classId, long userId) {
        return database.read(sql ->
                sql.one("SELECT * FROM class_teacher WHERE class_id = ? AND user_id = ?", TEACHER, classId, userId));
    }

    /** The owner first, then co-teachers in the order they were added. */
    public List<ClassTeacher> ofClass(long classId) {
        return database.read(sql -> sql.list("""
                SELECT * FROM class_teacher WHERE class_id = ?
                ORDER BY CASE role WHEN 'owner' THEN 0 ELSE 1 END, added_at, user_id""", TEACHER, classId));
    }
}
