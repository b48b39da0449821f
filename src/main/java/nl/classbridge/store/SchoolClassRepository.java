package nl.classbridge.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;

/** Classes and their Discord channel. */
public final class SchoolClassRepository {
    private static final RowMapper<SchoolClass> CLASS = row -> new SchoolClass(
            row.longValue("id"),
            row.string("name"),
            row.longValue("guild_id"),
            row.longValue("channel_id"),
            Coded.of(Language.class, row.string("language")),
            ZoneId.of(row.string("timezone")),
            row.longValue("teacher_user_id"),
            row.string("teacher_name"),
            row.instant("created_at"));

    private final Database database;

    public SchoolClassRepository(Database database) {
        this.database = database;
    }

    /** Adds a class with the teacher who made it as its owner (see {@link ClassTeacherRepository}). */
    public SchoolClass add(
            String name,
            long guildId,
            long channelId,
            Language language,
            ZoneId timezone,
            long teacherUserId,
            String teacherName,
            Instant now) {
        long id = database.write(sql -> {
            long classId = sql.insert(
                    """
                    INSERT INTO school_class (name, guild_id, channel_id, language, timezone, teacher_user_id,
                                              teacher_name, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", name, guildId, channelId, language, timezone.getId(), teacherUserId, teacherName, now);
            // A class never exists without its owner: only its teachers may act for it.
            sql.update("""
                    INSERT INTO class_teacher (class_id, user_id, name, role, added_by_user_id, added_at)
                    VALUES (?, ?, ?, 'owner', ?, ?)""", classId, teacherUserId, teacherName, teacherUserId, now);
            return classId;
        });
        return new SchoolClass(id, name, guildId, channelId, language, timezone, teacherUserId, teacherName, now);
    }

    /**
     * Renames or re-configures the class bound to a channel (running {@code /class setup} again), or
     * records its new owner after a takeover. The owner's row in {@link ClassTeacherRepository} is
     * the caller's to keep in step.
     */
    public void update(SchoolClass changed) {
        database.write(sql -> sql.update(
                "UPDATE school_class SET name = ?, language = ?, timezone = ?, teacher_user_id = ?, teacher_name = ?"
                        + " WHERE id = ?",
                changed.name(),
                changed.language(),
                changed.timezone().getId(),
                changed.teacherUserId(),
                changed.teacherName(),
                changed.id()));
    }

    public Optional<SchoolClass> find(long id) {
        return database.read(sql -> sql.one("SELECT * FROM school_class WHERE id = ?", CLASS, id));
    }

    /**
     * What a check-in message says about a child and the family asked: the child's name, the
     * family's own language if they chose one, the class, and what its teacher needs from parents in
     * their own words ({@code /class needs}), if written.
     */
    public record ChildInClass(
            String child, Optional<Language> familyLanguage, SchoolClass schoolClass, Optional<String> classNeeds) {}

    /** Child {@code studentId} with their class, for guardian {@code guardianId}: one statement instead of three. */
    public Optional<ChildInClass> childInClass(long studentId, long guardianId) {
        return database.read(sql -> sql.one(
                """
                SELECT s.name AS child_name, g.language AS family_language, n.text AS class_needs, c.*
                FROM student s JOIN school_class c ON c.id = s.class_id JOIN guardian g ON g.id = ?
                LEFT JOIN class_needs n ON n.class_id = c.id
                WHERE s.id = ?""",
                row -> new ChildInClass(
                        row.string("child_name"),
                        row.optionalString("family_language").map(code -> Coded.of(Language.class, code)),
                        CLASS.map(row),
                        row.optionalString("class_needs")),
                guardianId,
                studentId));
    }

    public Optional<SchoolClass> findByChannel(long channelId) {
        return database.read(sql -> sql.one("SELECT * FROM school_class WHERE channel_id = ?", CLASS, channelId));
    }

    public List<SchoolClass> inGuild(long guildId) {
        return database.read(
                sql -> sql.list("SELECT * FROM school_class WHERE guild_id = ? ORDER BY name", CLASS, guildId));
    }

    public List<SchoolClass> all() {
        return database.read(sql -> sql.list("SELECT * FROM school_class ORDER BY id", CLASS));
    }
}
