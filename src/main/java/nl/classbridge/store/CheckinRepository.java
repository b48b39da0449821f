package nl.classbridge.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.RequestStatus;

/** Check-in rounds, the requests to each guardian, the questions sent and the answers. */
public final class CheckinRepository {
    private static final RowMapper<CheckinRound> ROUND = row -> new CheckinRound(
            row.longValue("id"),
            row.longValue("class_id"),
            row.longValue("questionnaire_version_id"),
            row.string("token"),
            row.longValue("started_by_user_id"),
            row.instant("started_at"),
            row.instant("deadline_at"),
            row.optionalInstant("reminded_at"),
            row.optionalInstant("closed_at"),
            row.optionalLong("student_id"));

    private static final RowMapper<CheckinRequest> REQUEST = row -> new CheckinRequest(
            row.longValue("id"),
            row.longValue("round_id"),
            row.longValue("guardian_id"),
            row.longValue("student_id"),
            Coded.of(ContactChannel.class, row.string("channel")),
            Coded.of(RequestStatus.class, row.string("status")),
            row.intValue("position"),
            row.instant("created_at"),
            row.optionalInstant("completed_at"));

    private static final RowMapper<Answer> ANSWER = row -> new Answer(
            row.longValue("request_id"),
            row.string("question_id"),
            row.optionalString("value"),
            row.bool("skipped"),
            Coded.of(AnswerSource.class, row.string("source")),
            row.instant("answered_at"));

    private final Database database;

    public CheckinRepository(Database database) {
        this.database = database;
    }

    /** A round for the whole class. */
    public CheckinRound startRound(
            long classId,
            long questionnaireVersionId,
            String token,
            long startedByUserId,
            Instant now,
            Instant deadline) {
        return startRound(classId, Optional.empty(), questionnaireVersionId, token, startedByUserId, now, deadline);
    }

    /** A round for the whole class, or about one child when {@code aboutStudent} is given. */
    public CheckinRound startRound(
            long classId,
            Optional<Long> aboutStudent,
            long questionnaireVersionId,
            String token,
            long startedByUserId,
            Instant now,
            Instant deadline) {
        long id = database.write(sql ->
                sql.insert("""
                INSERT INTO checkin_round (class_id, student_id, questionnaire_version_id, token, started_by_user_id,
                                           started_at, deadline_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", classId, aboutStudent, questionnaireVersionId, token, startedByUserId, now, deadline));
        return new CheckinRound(
                id,
                classId,
                questionnaireVersionId,
                token,
                startedByUserId,
                now,
                deadline,
                Optional.empty(),
                Optional.empty(),
                aboutStudent);
    }

    public Optional<CheckinRound> findRound(long roundId) {
        return database.read(sql -> sql.one("SELECT * FROM checkin_round WHERE id = ?", ROUND, roundId));
    }

    public Optional<CheckinRound> findRoundByToken(String token) {
        return database.read(sql -> sql.one("SELECT * FROM checkin_round WHERE token = ?", ROUND, token));
    }

    /**
     * The class's most recent round for the whole class that is not closed and whose deadline has
     * not passed (rounds about one child run beside it).
     */
    public Optional<CheckinRound> openRound(long classId, Instant now) {
        return database.read(sql -> sql.one("""
                SELECT * FROM checkin_round
                WHERE class_id = ? AND student_id IS NULL AND closed_at IS NULL AND deadline_at > ?
                ORDER BY started_at DESC LIMIT 1""", ROUND, classId, now));
    }

    /** Every round in any class that is neither closed nor past its deadline at {@code now}. */
    public List<CheckinRound> openRounds(Instant now) {
        return database.read(sql -> sql.list(
                "SELECT * FROM checkin_round WHERE closed_at IS NULL AND deadline_at > ? ORDER BY id", ROUND, now));
    }

    /** The class's most recently started round for the whole class, open or not. */
    public Optional<CheckinRound> latestRound(long classId) {
        return database.read(sql -> sql.one("""
                SELECT * FROM checkin_round WHERE class_id = ? AND student_id IS NULL
                ORDER BY started_at DESC, id DESC LIMIT 1""", ROUND, classId));
    }

    /** The class's rounds, newest first, at most {@code limit}. */
    public List<CheckinRound> rounds(long classId, int limit) {
        return database.read(sql -> sql.list(
                "SELECT * FROM checkin_round WHERE class_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                ROUND,
                classId,
                limit));
    }

    /**
     * The class's round of the same questionnaire (any version) and the same scope (the whole class,
     * or the same child) started just before {@code round}, to compare with.
     */
    public Optional<CheckinRound> previousRound(CheckinRound round) {
        return database.read(sql -> sql.one(
                """
                SELECT r.* FROM checkin_round r
                JOIN questionnaire_version v ON v.id = r.questionnaire_version_id
                WHERE r.class_id = ? AND r.student_id IS ?
                  AND v.questionnaire = (SELECT questionnaire FROM questionnaire_version WHERE id = ?)
                  AND (r.started_at < ? OR (r.started_at = ? AND r.id < ?))
                ORDER BY r.started_at DESC, r.id DESC LIMIT 1""",
                ROUND,
                round.classId(),
                round.aboutStudent(),
                round.questionnaireVersionId(),
                round.startedAt(),
                round.startedAt(),
                round.id()));
    }

    public void markReminded(long roundId, Instant now) {
        database.write(sql -> sql.update("UPDATE checkin_round SET reminded_at = ? WHERE id = ?", now, roundId));
    }

    public void closeRound(long roundId, Instant now) {
        database.write(sql ->
                sql.update("UPDATE checkin_round SET closed_at = ? WHERE id = ? AND closed_at IS NULL", now, roundId));
    }

    /** Asks a guardian about a child in a round; asking twice returns the first request. */
    public CheckinRequest addRequest(
            long roundId, long guardianId, long studentId, ContactChannel channel, Instant now) {
        return database.transaction(() -> database.write(sql -> {
            sql.update("""
                    INSERT OR IGNORE INTO checkin_request (round_id, guardian_id, student_id, channel, created_at)
                    VALUES (?, ?, ?, ?, ?)""", roundId, guardianId, studentId, channel, now);
            return sql.one("""
                    SELECT * FROM checkin_request WHERE round_id = ? AND guardian_id = ? AND student_id = ?""", REQUEST, roundId, guardianId, studentId).orElseThrow();
        }));
    }

    public Optional<CheckinRequest> findRequest(long requestId) {
        return database.read(sql -> sql.one("SELECT * FROM checkin_request WHERE id = ?", REQUEST, requestId));
    }

    /** A request, and whether its guardian is still linked to its child. */
    public record RequestAndLink(CheckinRequest request, boolean linked) {}

    /**
     * A request with whether its guardian is still linked to its child, in one statement: a press
     * checks both (the link is {@link GuardianRepository#isLinked}'s row).
     */
    public Optional<RequestAndLink> findRequestAndLink(long requestId) {
        return database.read(
                sql -> sql.one("""
                SELECT r.*, EXISTS (SELECT 1 FROM guardian_student gs
                                    WHERE gs.guardian_id = r.guardian_id AND gs.student_id = r.student_id) AS linked
                FROM checkin_request r WHERE r.id = ?""", row -> new RequestAndLink(REQUEST.map(row), row.bool("linked")), requestId));
    }

    public List<CheckinRequest> requests(long roundId) {
        return database.read(
                sql -> sql.list("SELECT * FROM checkin_request WHERE round_id = ? ORDER BY id", REQUEST, roundId));
    }

    /** The guardian's requests that still wait for answers, oldest first. */
    public List<CheckinRequest> openRequestsOf(long guardianId) {
        return database.read(sql -> sql.list("""
                SELECT * FROM checkin_request WHERE guardian_id = ? AND status IN ('pending', 'in-progress')
                ORDER BY created_at, id""", REQUEST, guardianId));
    }

    /** Takes back a request with its answers so far (the family's link to the child ended). */
    public boolean removeRequest(long requestId) {
        return database.write(sql -> sql.update("DELETE FROM checkin_request WHERE id = ?", requestId)) == 1;
    }

    /** Moves the conversation on: its status and the index of the next question. */
    public void updateProgress(long requestId, RequestStatus status, int position, Instant now) {
        database.write(sql -> sql.update("""
                UPDATE checkin_request SET status = ?, position = ?,
                    completed_at = CASE WHEN ? = 'answered' THEN ? ELSE completed_at END
                WHERE id = ?""", status, position, status, now, requestId));
    }

    public void switchChannel(long requestId, ContactChannel channel) {
        database.write(sql -> sql.update("UPDATE checkin_request SET channel = ? WHERE id = ?", channel, requestId));
    }

    /** Records that a question went out, with the Discord message id or email Message-ID. */
    public void recordQuestionSent(long requestId, String questionId, Optional<String> messageRef, Instant now) {
        database.write(sql -> sql.insert("""
                INSERT INTO question_sent (request_id, question_id, sent_at, message_ref) VALUES (?, ?, ?, ?)""", requestId, questionId, now, messageRef));
    }

    public List<String> questionsSent(long requestId) {
        return database.read(sql -> sql.list(
                "SELECT question_id FROM question_sent WHERE request_id = ? ORDER BY id",
                row -> row.string("question_id"),
                requestId));
    }

    /** Stores an answer; a second answer to the same question replaces the first. */
    public void saveAnswer(Answer answer) {
        database.write(sql -> sql.update(
                """
                INSERT INTO answer (request_id, question_id, value, skipped, source, answered_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (request_id, question_id) DO UPDATE SET
                    value = excluded.value, skipped = excluded.skipped,
                    source = excluded.source, answered_at = excluded.answered_at""",
                answer.requestId(),
                answer.questionId(),
                answer.value(),
                answer.skipped(),
                answer.source(),
                answer.answeredAt()));
    }

    public List<Answer> answers(long requestId) {
        return database.read(
                sql -> sql.list("SELECT * FROM answer WHERE request_id = ? ORDER BY id", ANSWER, requestId));
    }

    /**
     * Forgets rounds whose deadline passed before {@code before}, with their requests and answers:
     * answers are kept only as long as the school's retention period.
     */
    public int removeRoundsEndedBefore(Instant before) {
        return database.write(sql -> sql.update("DELETE FROM checkin_round WHERE deadline_at < ?", before));
    }

    /** A request with the round it belongs to. */
    public record RequestInRound(CheckinRound round, CheckinRequest request) {}

    /**
     * Every request about the child, in every round (the class's rounds and the rounds about this
     * child), the oldest round first.
     */
    public List<RequestInRound> requestsAbout(long studentId) {
        return database.read(sql -> {
            Map<Long, CheckinRound> rounds = new HashMap<>();
            sql.list(
                            "SELECT * FROM checkin_round WHERE id IN (SELECT round_id FROM checkin_request WHERE student_id = ?)",
                            ROUND,
                            studentId)
                    .forEach(round -> rounds.put(round.id(), round));
            return sql.list("""
                            SELECT q.* FROM checkin_request q JOIN checkin_round r ON r.id = q.round_id
                            WHERE q.student_id = ? ORDER BY r.started_at, r.id, q.id""", REQUEST, studentId).stream()
                    .map(request -> new RequestInRound(rounds.get(request.roundId()), request))
                    .toList();
        });
    }
}
