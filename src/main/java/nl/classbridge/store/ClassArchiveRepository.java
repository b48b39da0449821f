package nl.classbridge.store;

import java.util.List;

/**
 * What {@code /class archive} removes of one class at the end of a school year, counted and
 * removed in SQL: the children with their links, invites, agreements and views; the class's rounds
 * with the answers; its conversations, highlights and messages; and the parents who have no child
 * left in another class, with everything of theirs (their messages, reply codes, confirmations).
 * A parent with a child in another class keeps that link and their data. The class itself, its
 * teachers, channel, update schedule and needs stay.
 */
public final class ClassArchiveRepository {
    /** Parents linked to a child of the class (or asked in one of its rounds) with no child in another class. */
    private static final String LEAVING_GUARDIANS = """
            SELECT id FROM guardian
            WHERE (id IN (SELECT guardian_student.guardian_id FROM guardian_student
                          JOIN student ON student.id = guardian_student.student_id WHERE student.class_id = ?1)
                   OR id IN (SELECT checkin_request.guardian_id FROM checkin_request
                             JOIN checkin_round ON checkin_round.id = checkin_request.round_id
                             WHERE checkin_round.class_id = ?1))
              AND NOT EXISTS (SELECT 1 FROM guardian_student
                              JOIN student ON student.id = guardian_student.student_id
                              WHERE guardian_student.guardian_id = guardian.id AND student.class_id <> ?1)
            ORDER BY id""";

    private final Database database;

    public ClassArchiveRepository(Database database) {
        this.database = database;
    }

    /** How many rows of each kind an archive removes, or removed. */
    public record Counts(
            int children,
            int links,
            int guardians,
            int rounds,
            int answers,
            int conversations,
            int agreements,
            int highlights,
            int invites,
            int deliveries) {

        /** For the audit log: counts only. */
        public String detail() {
            return "children=" + children + " links=" + links + " guardians=" + guardians + " rounds=" + rounds
                    + " answers=" + answers + " conversations=" + conversations + " agreements=" + agreements
                    + " highlights=" + highlights + " invites=" + invites + " deliveries=" + deliveries;
        }
    }

    /** What archiving the class would remove now. */
    public Counts count(long classId) {
        return database.read(sql -> {
            List<Long> leaving = sql.list(LEAVING_GUARDIANS, row -> row.longValue("id"), classId);
            long leavingDeliveries = 0;
            for (long guardian : leaving) { // the class's own messages to them are counted below
                leavingDeliveries += sql.count(
                        "SELECT COUNT(*) AS n FROM delivery WHERE guardian_id = ? AND class_id IS NOT ?",
                        guardian,
                        classId);
            }
            return new Counts(
                    (int) sql.count("SELECT COUNT(*) AS n FROM student WHERE class_id = ?", classId),
                    (int) sql.count("""
                            SELECT COUNT(*) AS n FROM guardian_student
                            JOIN student ON student.id = guardian_student.student_id WHERE student.class_id = ?""", classId),
                    leaving.size(),
                    (int) sql.count("""
                            SELECT COUNT(*) AS n FROM checkin_round
                            WHERE class_id = ?1 OR student_id IN (SELECT id FROM student WHERE class_id = ?1)""", classId),
                    (int) sql.count("""
                            SELECT COUNT(*) AS n FROM answer
                            JOIN checkin_request ON checkin_request.id = answer.request_id
                            JOIN checkin_round ON checkin_round.id = checkin_request.round_id
                            WHERE checkin_round.class_id = ?1
                               OR checkin_request.student_id IN (SELECT id FROM student WHERE class_id = ?1)""", classId),
                    (int) sql.count("SELECT COUNT(*) AS n FROM parent_conversation WHERE class_id = ?", classId),
                    (int) sql.count("""
                            SELECT COUNT(*) AS n FROM agreement
                            WHERE student_id IN (SELECT id FROM student WHERE class_id = ?)""", classId),
                    (int) sql.count("SELECT COUNT(*) AS n FROM highlight WHERE class_id = ?", classId),
                    (int) sql.count("""
                            SELECT COUNT(*) AS n FROM invite_code
                            WHERE student_id IN (SELECT id FROM student WHERE class_id = ?)""", classId),
                    (int) (sql.count("SELECT COUNT(*) AS n FROM delivery WHERE class_id = ?", classId)
                            + leavingDeliveries));
        });
    }

    /**
     * Removes it all, in one transaction, and returns what it counted just before. The caller
     * compacts the database afterwards, outside the transaction, so the freed pages are gone too.
     */
    public Counts remove(long classId) {
        return database.transaction(() -> {
            Counts counts = count(classId);
            database.write(sql -> {
                // Who leaves is read before anything goes: removing the rounds changes the answer.
                List<Long> leaving = sql.list(LEAVING_GUARDIANS, row -> row.longValue("id"), classId);
                sql.update("DELETE FROM delivery WHERE class_id = ?", classId);
                for (long guardian : leaving) {
                    sql.update("DELETE FROM delivery WHERE guardian_id = ?", guardian);
                }
                sql.update("""
                        DELETE FROM checkin_round
                        WHERE class_id = ?1 OR student_id IN (SELECT id FROM student WHERE class_id = ?1)""", classId);
                sql.update("DELETE FROM parent_conversation WHERE class_id = ?", classId);
                sql.update("DELETE FROM highlight WHERE class_id = ?", classId);
                for (long guardian : leaving) {
                    sql.update("DELETE FROM guardian WHERE id = ?", guardian);
                }
                sql.update("DELETE FROM student WHERE class_id = ?", classId);
                return null;
            });
            return counts;
        });
    }
}
