package nl.classbridge.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Student;

/** The children of a class, and which guardians belong to each. */
public final class StudentRepository {
    private static final RowMapper<Student> STUDENT = row ->
            new Student(row.longValue("id"), row.longValue("class_id"), row.string("name"), row.instant("created_at"));

    private final Database database;

    public StudentRepository(Database database) {
        this.database = database;
    }

    /** Adds a child; a name already in the class (in any letter case) is a {@link ConstraintViolation}. */
    public Student add(long classId, String name, Instant now) {
        long id = database.write(sql ->
                sql.insert("INSERT INTO student (class_id, name, created_at) VALUES (?, ?, ?)", classId, name, now));
        return new Student(id, classId, name, now);
    }

    public Optional<Student> find(long id) {
        return database.read(sql -> sql.one("SELECT * FROM student WHERE id = ?", STUDENT, id));
    }

    public Optional<Student> findByName(long classId, String name) {
        return database.read(sql -> sql.one(
                "SELECT * FROM student WHERE class_id = ? AND name = ? COLLATE NOCASE", STUDENT, classId, name));
    }

    public List<Student> inClass(long classId) {
        return database.read(sql ->
                sql.list("SELECT * FROM student WHERE class_id = ? ORDER BY name COLLATE NOCASE", STUDENT, classId));
    }

    /** Removes a child with everything that hangs on it (links, invites, check-ins, agreements). */
    public boolean remove(long studentId) {
        return database.write(sql -> sql.update("DELETE FROM student WHERE id = ?", studentId)) == 1;
    }

    public List<Student> childrenOf(long guardianId) {
        return database.read(sql -> sql.list("""
                SELECT s.* FROM student s JOIN guardian_student gs ON gs.student_id = s.id
                WHERE gs.guardian_id = ? ORDER BY s.name COLLATE NOCASE""", STUDENT, guardianId));
    }
}
