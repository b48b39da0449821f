package nl.classbridge.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Confirmation;

/**
 * What is stored about one guardian, read across tables for {@code /my-data}, and erased across
 * tables for {@code /forget-me}. Other repositories read by child or by round; this one reads and
 * erases by guardian, so nothing of another family is ever in its answers.
 */
public final class FamilyDataRepository {
    private final Database database;

    public FamilyDataRepository(Database database) {
        this.database = database;
    }

    /** A child the guardian is linked to, and since when. */
    public record Link(long studentId, Instant linkedAt) {}

    /** One time the guardian was asked about a child: the request with its round. */
    public record Asked(
            long requestId,
            long roundId,
            long classId,
            long studentId,
            long questionnaireVersionId,
            Instant startedAt,
            String channel,
            String status,
            Optional<Instant> completedAt) {}

    /** The name the guardian had on Discord when they joined, if kept. */
    public Optional<String> discordName(long guardianId) {
        return database.read(sql -> sql.one(
                        "SELECT discord_name FROM guardian WHERE id = ?",
                        row -> row.optionalString("discord_name"),
                        guardianId))
                .flatMap(name -> name);
    }

    public List<Link> links(long guardianId) {
        return database.read(sql -> sql.list(
                "SELECT student_id, linked_at FROM guardian_student WHERE guardian_id = ? ORDER BY linked_at, student_id",
                row -> new Link(row.longValue("student_id"), row.instant("linked_at")),
                guardianId));
    }

    /** Every request to this guardian, oldest round first. */
    public List<Asked> asked(long guardianId) {
        return database.read(sql -> sql.list(
                """
                SELECT r.id, r.round_id, r.student_id, r.channel, r.status, r.completed_at,
                       cr.class_id, cr.questionnaire_version_id, cr.started_at
                FROM checkin_request r JOIN checkin_round cr ON cr.id = r.round_id
                WHERE r.guardian_id = ? ORDER BY cr.started_at, r.id""",
                row -> new Asked(
                        row.longValue("id"),
                        row.longValue("round_id"),
                        row.longValue("class_id"),
                        row.longValue("student_id"),
                        row.longValue("questionnaire_version_id"),
                        row.instant("started_at"),
                        row.string("channel"),
                        row.string("status"),
                        row.optionalInstant("completed_at")),
                guardianId));
    }

    /** The guardian's own answers to agreements about their children. */
    public List<Confirmation> confirmations(long guardianId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM agreement_confirmation WHERE guardian_id = ? ORDER BY asked_at, agreement_id",
                AgreementRepository.CONFIRMATION,
                guardianId));
    }

    /** The parent conversations whose questionnaires (before or after) were put to this guardian. */
    public List<Long> conversationsAskedAbout(long guardianId) {
        return database.read(sql -> sql.list("""
                SELECT DISTINCT pc.id FROM parent_conversation pc
                JOIN checkin_request r ON r.round_id = pc.before_round_id OR r.round_id = pc.after_round_id
                WHERE r.guardian_id = ? ORDER BY pc.planned_on, pc.id""", row -> row.longValue("id"), guardianId));
    }

    /** What an erasure removed, as counts: for the audit and the tests, never content. */
    public record Erased(
            int guardians, int deliveries, int notices, int auditRowsScrubbed, int joinAttempts, int translations) {}

    /**
     * Erases a guardian in one transaction: the guardian row, and with it (by the schema's cascades)
     * their links, check-in requests with answers and questions sent, agreement confirmations, reply
     * tokens and open confirmation codes; their deliveries, also those keyed by their id; teacher
     * notices about mails from them ({@code mailRefs}) or whose payload holds any of {@code traces}
     * (their address, Discord name and id, their own words; class updates are the teacher's words and
     * are left alone); their failed {@code /join} tries; and
     * their Discord id as the actor of audit rows (joining is recorded with the parent as actor):
     * it becomes 0; and the cached machine translations of {@code theirTexts} (what they wrote, also
     * as quoted in notices), into any language. Children, other guardians and their rows are not touched.
     */
    public Erased erase(
            long guardianId,
            Optional<Long> discordUserId,
            List<String> mailRefs,
            List<String> traces,
            Collection<String> theirTexts) {
        return database.transaction(() -> database.write(sql -> {
            int translations = new TranslationCacheRepository(database).removeTranslationsOf(theirTexts);
            int notices = 0;
            for (String ref : mailRefs) {
                notices += sql.update(
                        "DELETE FROM delivery WHERE guardian_id IS NULL AND dedupe_key LIKE ? ESCAPE '\\'",
                        "mailbox:" + likeEscaped(ref) + ":%");
            }
            for (String trace : traces) {
                notices += sql.update("""
                        DELETE FROM delivery WHERE guardian_id IS NULL AND kind = 'teacher-notice'
                          AND instr(lower(payload), lower(?)) > 0""", trace);
            }
            int deliveries = sql.update(
                    "DELETE FROM delivery WHERE guardian_id = ? OR dedupe_key LIKE ?",
                    guardianId,
                    "%:guardian:" + guardianId + ":%");
            int audit = 0;
            int attempts = 0;
            if (discordUserId.isPresent()) {
                audit = sql.update(
                        "UPDATE audit_log SET actor_user_id = 0 WHERE actor_user_id = ?", discordUserId.get());
                attempts = sql.update("DELETE FROM join_attempt WHERE discord_user_id = ?", discordUserId.get());
            }
            int guardians = sql.update("DELETE FROM guardian WHERE id = ?", guardianId);
            return new Erased(guardians, deliveries, notices, audit, attempts, translations);
        }));
    }

    /**
     * The payloads of the teacher notices an {@link #erase} with these {@code mailRefs} and {@code
     * traces} removes: what they quote may have been machine-translated, and goes too.
     */
    public List<String> noticesToErase(List<String> mailRefs, List<String> traces) {
        return database.read(sql -> {
            List<String> payloads = new ArrayList<>();
            for (String ref : mailRefs) {
                payloads.addAll(sql.list(
                        "SELECT payload FROM delivery WHERE guardian_id IS NULL AND dedupe_key LIKE ? ESCAPE '\\'",
                        row -> row.string("payload"),
                        "mailbox:" + likeEscaped(ref) + ":%"));
            }
            for (String trace : traces) {
                payloads.addAll(sql.list("""
                        SELECT payload FROM delivery WHERE guardian_id IS NULL AND kind = 'teacher-notice'
                          AND instr(lower(payload), lower(?)) > 0""", row -> row.string("payload"), trace));
            }
            return payloads;
        });
    }

    /** Every text the guardian wrote that may have been quoted elsewhere: answers and own words. */
    public List<String> ownWords(long guardianId) {
        List<String> words = new ArrayList<>();
        words.addAll(database.read(sql -> sql.list("""
                SELECT a.value FROM answer a JOIN checkin_request r ON r.id = a.request_id
                WHERE r.guardian_id = ? AND a.value IS NOT NULL""", row -> row.string("value"), guardianId)));
        words.addAll(database.read(sql -> sql.list(
                "SELECT own_words FROM agreement_confirmation WHERE guardian_id = ? AND own_words IS NOT NULL",
                row -> row.string("own_words"),
                guardianId)));
        return words;
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
