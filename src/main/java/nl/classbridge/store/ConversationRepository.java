package nl.classbridge.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.ChildView;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Reflection;

/** Parent conversations about a child, the child's own view, and the teacher's reflections. */
public final class ConversationRepository {
    private static final RowMapper<ParentConversation> CONVERSATION = row -> new ParentConversation(
            row.longValue("id"),
            row.longValue("class_id"),
            row.longValue("student_id"),
            LocalDate.parse(row.string("planned_on")),
            row.optionalTime("planned_time"),
            row.bool("with_child"),
            row.optionalLong("before_round_id"),
            row.optionalLong("after_round_id"),
            row.longValue("planned_by_user_id"),
            row.instant("created_at"),
            row.optionalInstant("held_at"),
            row.optionalInstant("cancelled_at"));

    private static final RowMapper<ChildView> CHILD_VIEW = row -> new ChildView(
            row.longValue("id"),
            row.longValue("student_id"),
            row.optionalLong("conversation_id"),
            row.string("text"),
            row.longValue("recorded_by_user_id"),
            row.instant("recorded_at"));

    private static final RowMapper<Reflection> REFLECTION = row -> new Reflection(
            row.longValue("conversation_id"),
            row.longValue("teacher_user_id"),
            row.optionalString("went_well"),
            row.optionalString("differently"),
            row.optionalString("take_along"),
            row.instant("recorded_at"));

    private final Database database;

    public ConversationRepository(Database database) {
        this.database = database;
    }

    public ParentConversation plan(
            long classId,
            long studentId,
            LocalDate on,
            Optional<LocalTime> at,
            boolean withChild,
            long plannedByUserId,
            Instant now) {
        long id = database.write(sql -> sql.insert("""
                INSERT INTO parent_conversation (class_id, student_id, planned_on, planned_time, with_child,
                                                 planned_by_user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", classId, studentId, on, at, withChild, plannedByUserId, now));
        return find(id).orElseThrow();
    }

    public Optional<ParentConversation> find(long conversationId) {
        return database.read(
                sql -> sql.one("SELECT * FROM parent_conversation WHERE id = ?", CONVERSATION, conversationId));
    }

    /** Every conversation about the child, the most recently planned day first. */
    public List<ParentConversation> ofStudent(long studentId) {
        return database.read(sql -> sql.list("""
                SELECT * FROM parent_conversation WHERE student_id = ?
                ORDER BY planned_on DESC, planned_time DESC, id DESC""", CONVERSATION, studentId));
    }

    /**
     * A child's conversations where the cycle looks: the soonest one still to come, and the last one
     * held.
     */
    public record OfChild(Optional<ParentConversation> upcoming, Optional<ParentConversation> lastHeld) {
        /** The conversation coming up, or else the last one held. */
        public Optional<ParentConversation> current() {
            return upcoming.or(() -> lastHeld);
        }
    }

    /** The child's upcoming and last held conversation, in one read. */
    public OfChild of(long studentId) {
        List<ParentConversation> newestFirst = ofStudent(studentId);
        return new OfChild(
                newestFirst.stream()
                        .filter(ParentConversation::upcoming)
                        .reduce((later, earlier) -> earlier), // the soonest upcoming one
                newestFirst.stream()
                        .filter(conversation -> conversation.heldAt().isPresent())
                        .findFirst());
    }

    /** The conversation about the child that is coming up, or else the last one held. */
    public Optional<ParentConversation> current(long studentId) {
        return of(studentId).current();
    }

    /** The child's soonest conversation that is neither held nor called off. */
    public Optional<ParentConversation> upcoming(long studentId) {
        return of(studentId).upcoming();
    }

    /** Every conversation of the class, by planned day. */
    public List<ParentConversation> ofClass(long classId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM parent_conversation WHERE class_id = ? ORDER BY planned_on, planned_time, id",
                CONVERSATION,
                classId));
    }

    /** The conversation whose before or after questionnaire is {@code roundId}, if it is one. */
    public Optional<ParentConversation> ofRound(long roundId) {
        return database.read(sql -> sql.one(
                "SELECT * FROM parent_conversation WHERE before_round_id = ? OR after_round_id = ?",
                CONVERSATION,
                roundId,
                roundId));
    }

    public void setBeforeRound(long conversationId, long roundId) {
        database.write(sql ->
                sql.update("UPDATE parent_conversation SET before_round_id = ? WHERE id = ?", roundId, conversationId));
    }

    public void setAfterRound(long conversationId, long roundId) {
        database.write(sql ->
                sql.update("UPDATE parent_conversation SET after_round_id = ? WHERE id = ?", roundId, conversationId));
    }

    public void reschedule(long conversationId, LocalDate on, Optional<LocalTime> at, boolean withChild) {
        database.write(sql -> sql.update(
                "UPDATE parent_conversation SET planned_on = ?, planned_time = ?, with_child = ? WHERE id = ?",
                on,
                at,
                withChild,
                conversationId));
    }

    /**
     * The deadline of the conversation's before questions, when the conversation moves: they stay
     * open until the new day (or time). A closed round stays closed.
     */
    public void moveBeforeRoundDeadline(long conversationId, Instant deadline) {
        database.write(sql -> sql.update("""
                UPDATE checkin_round SET deadline_at = ?
                WHERE id = (SELECT before_round_id FROM parent_conversation WHERE id = ?) AND closed_at IS NULL""", deadline, conversationId));
    }

    /** @return false when it was held or cancelled already */
    public boolean markHeld(long conversationId, Instant now) {
        return database.write(sql -> sql.update("""
                        UPDATE parent_conversation SET held_at = ?
                        WHERE id = ? AND held_at IS NULL AND cancelled_at IS NULL""", now, conversationId)) == 1;
    }

    /** @return false when it was held or cancelled already */
    public boolean cancel(long conversationId, Instant now) {
        return database.write(sql -> sql.update("""
                        UPDATE parent_conversation SET cancelled_at = ?
                        WHERE id = ? AND held_at IS NULL AND cancelled_at IS NULL""", now, conversationId)) == 1;
    }

    public ChildView addChildView(
            long studentId, Optional<Long> conversationId, String text, long recordedByUserId, Instant now) {
        long id = database.write(sql -> sql.insert("""
                INSERT INTO child_view (student_id, conversation_id, text, recorded_by_user_id, recorded_at)
                VALUES (?, ?, ?, ?, ?)""", studentId, conversationId, text, recordedByUserId, now));
        return new ChildView(id, studentId, conversationId, text, recordedByUserId, now);
    }

    /** What the child said, newest first. */
    public List<ChildView> childViews(long studentId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM child_view WHERE student_id = ? ORDER BY recorded_at DESC, id DESC",
                CHILD_VIEW,
                studentId));
    }

    /** Stores the teacher's reflection on a conversation, replacing an earlier one of theirs. */
    public void saveReflection(Reflection reflection) {
        database.write(sql -> sql.update(
                """
                INSERT INTO reflection (conversation_id, teacher_user_id, went_well, differently, take_along,
                                        recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id, teacher_user_id) DO UPDATE SET
                    went_well = excluded.went_well, differently = excluded.differently,
                    take_along = excluded.take_along, recorded_at = excluded.recorded_at""",
                reflection.conversationId(),
                reflection.teacherUserId(),
                reflection.wentWell(),
                reflection.differently(),
                reflection.takeAlong(),
                reflection.recordedAt()));
    }

    /** A teacher's own reflection: nobody else's is ever read through this. */
    public Optional<Reflection> reflection(long conversationId, long teacherUserId) {
        return database.read(sql -> sql.one(
                "SELECT * FROM reflection WHERE conversation_id = ? AND teacher_user_id = ?",
                REFLECTION,
                conversationId,
                teacherUserId));
    }

    /**
     * Retention: conversations that ended before {@code before} (held, cancelled, or planned for a
     * day before it and never held), with their reflections; a child's view recorded before it; and
     * a reflection recorded before it. Returns how many rows went, all three together.
     */
    public int removeEndedBefore(Instant before) {
        String day = before.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        return database.write(sql -> sql.update("""
                        DELETE FROM parent_conversation
                        WHERE held_at < ? OR cancelled_at < ?
                           OR (held_at IS NULL AND cancelled_at IS NULL AND planned_on < ?)""", before, before, day)
                + sql.update("DELETE FROM child_view WHERE recorded_at < ?", before)
                + sql.update("DELETE FROM reflection WHERE recorded_at < ?", before));
    }
}
