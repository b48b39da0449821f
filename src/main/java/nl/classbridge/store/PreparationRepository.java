package nl.classbridge.store;

import java.time.Instant;
import java.util.List;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.RequestStatus;

/**
 * Reads for preparing a parent conversation ({@code /prep}): every question a child's families were
 * asked about them, and the class's recent highlights, shared or still waiting. Reads only.
 */
public final class PreparationRepository {
    private static final RowMapper<Asked> ASKED = row -> new Asked(
            new CheckinRound(
                    row.longValue("round_id"),
                    row.longValue("class_id"),
                    row.longValue("questionnaire_version_id"),
                    row.string("token"),
                    row.longValue("started_by_user_id"),
                    row.instant("started_at"),
                    row.instant("deadline_at"),
                    row.optionalInstant("reminded_at"),
                    row.optionalInstant("closed_at"),
                    row.optionalLong("about_student_id")),
            new CheckinRequest(
                    row.longValue("id"),
                    row.longValue("round_id"),
                    row.longValue("guardian_id"),
                    row.longValue("student_id"),
                    Coded.of(ContactChannel.class, row.string("channel")),
                    Coded.of(RequestStatus.class, row.string("status")),
                    row.intValue("position"),
                    row.instant("created_at"),
                    row.optionalInstant("completed_at")));

    private static final RowMapper<Highlight> HIGHLIGHT = row -> new Highlight(
            row.longValue("id"),
            row.longValue("class_id"),
            Coded.of(HighlightKind.class, row.string("kind")),
            row.string("text"),
            row.longValue("author_user_id"),
            row.instant("created_at"),
            row.optionalInstant("used_at"));

    private final Database database;

    public PreparationRepository(Database database) {
        this.database = database;
    }

    /** A request about the child with the round it belongs to. */
    public record Asked(CheckinRound round, CheckinRequest request) {}

    /**
     * Every request about the child, in every round (the class's check-ins and the rounds about this
     * child), the oldest round first.
     */
    public List<Asked> askedAbout(long studentId) {
        return database.read(sql -> sql.list("""
                SELECT q.*, r.class_id, r.questionnaire_version_id, r.token, r.started_by_user_id, r.started_at,
                       r.deadline_at, r.reminded_at, r.closed_at, r.student_id AS about_student_id
                FROM checkin_request q JOIN checkin_round r ON r.id = q.round_id
                WHERE q.student_id = ?
                ORDER BY r.started_at, r.id, q.id""", ASKED, studentId));
    }

    /** The class's highlights written since {@code since}, shared or not, the newest first. */
    public List<Highlight> highlightsSince(long classId, Instant since) {
        return database.read(sql -> sql.list(
                "SELECT * FROM highlight WHERE class_id = ? AND created_at >= ? ORDER BY created_at DESC, id DESC",
                HIGHLIGHT,
                classId,
                since));
    }
}
