package nl.classbridge.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Coded;

/** Agreements made with families, and their follow-ups. */
public final class AgreementRepository {
    private static final RowMapper<Agreement> AGREEMENT = row -> new Agreement(
            row.longValue("id"),
            row.longValue("student_id"),
            row.optionalLong("guardian_id"),
            row.string("text"),
            Coded.of(AgreementOwner.class, row.string("owner")),
            row.optionalDate("follow_up_on"),
            "done".equals(row.string("status")),
            row.longValue("created_by_user_id"),
            row.instant("created_at"),
            row.optionalInstant("done_at"));

    private final Database database;

    public AgreementRepository(Database database) {
        this.database = database;
    }

    public Agreement add(long studentId, Optional<Long> guardianId, String text, AgreementOwner owner,
            Optional<LocalDate> followUpOn, long createdByUserId, Instant now) {
        long id = database.write(sql -> sql.insert("""
                INSERT INTO agreement (student_id, guardian_id, text, owner, follow_up_on, created_by_user_id,
                                       created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                studentId, guardianId, text, owner, followUpOn, createdByUserId, now));
        return new Agreement(id, studentId, guardianId, text, owner, followUpOn, false, createdByUserId, now,
                Optional.empty());
    }

    public List<Agreement> ofStudent(long studentId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM agreement WHERE student_id = ? ORDER BY created_at, id", AGREEMENT, studentId));
    }

    public boolean markDone(long agreementId, Instant now) {
        return database.write(sql -> sql.update(
                "UPDATE agreement SET status = 'done', done_at = ? WHERE id = ? AND status = 'open'",
                now, agreementId)) == 1;
    }

    /** Open agreements in a class whose follow-up date is on or before {@code day}. */
    public List<Agreement> followUpsDue(long classId, LocalDate day) {
        return database.read(sql -> sql.list("""
                SELECT a.* FROM agreement a JOIN student s ON s.id = a.student_id
                WHERE s.class_id = ? AND a.status = 'open' AND a.follow_up_on <= ?
                ORDER BY a.follow_up_on, a.id""", AGREEMENT, classId, day));
    }
}
