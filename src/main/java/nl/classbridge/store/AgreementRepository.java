package nl.classbridge.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.AgreementStatus;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Confirmation;
import nl.classbridge.domain.ConfirmationStatus;

/** Agreements about a child, and each guardian's confirmation of them. */
public final class AgreementRepository {
    private static final RowMapper<Agreement> AGREEMENT = row -> new Agreement(
            row.longValue("id"),
            row.longValue("student_id"),
            row.optionalLong("conversation_id"),
            row.string("text"),
            Coded.of(AgreementOwner.class, row.string("owner")),
            row.optionalDate("align_again_on"),
            Coded.of(AgreementStatus.class, row.string("status")),
            row.longValue("created_by_user_id"),
            row.instant("created_at"),
            row.optionalInstant("done_at"),
            row.optionalInstant("reminded_at"));

    /** Also how {@link FamilyDataRepository} reads a guardian's own confirmations. */
    static final RowMapper<Confirmation> CONFIRMATION = row -> new Confirmation(
            row.longValue("agreement_id"),
            row.longValue("guardian_id"),
            Coded.of(ConfirmationStatus.class, row.string("status")),
            row.optionalString("own_words"),
            row.instant("asked_at"),
            row.optionalInstant("answered_at"));

    private final Database database;

    public AgreementRepository(Database database) {
        this.database = database;
    }

    public Agreement add(
            long studentId,
            Optional<Long> conversationId,
            String text,
            AgreementOwner owner,
            Optional<LocalDate> alignAgainOn,
            long createdByUserId,
            Instant now) {
        long id = database.write(
                sql -> sql.insert("""
                INSERT INTO agreement (student_id, conversation_id, text, owner, align_again_on,
                                       created_by_user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", studentId, conversationId, text, owner, alignAgainOn, createdByUserId, now));
        return find(id).orElseThrow();
    }

    public Optional<Agreement> find(long agreementId) {
        return database.read(sql -> sql.one("SELECT * FROM agreement WHERE id = ?", AGREEMENT, agreementId));
    }

    /** Every agreement about the child: open ones first, each group oldest first. */
    public List<Agreement> ofStudent(long studentId) {
        return database.read(sql -> sql.list("""
                SELECT * FROM agreement WHERE student_id = ?
                ORDER BY status = 'done', created_at, id""", AGREEMENT, studentId));
    }

    /** The agreements made in one conversation, oldest first. */
    public List<Agreement> ofConversation(long conversationId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM agreement WHERE conversation_id = ? ORDER BY created_at, id",
                AGREEMENT,
                conversationId));
    }

    /** The earliest day the child's open agreements name to align again, if any. */
    public Optional<LocalDate> nextAlignment(long studentId) {
        return database.read(sql -> sql.one("""
                SELECT align_again_on FROM agreement
                WHERE student_id = ? AND status = 'open' AND align_again_on IS NOT NULL
                ORDER BY align_again_on LIMIT 1""", row -> LocalDate.parse(row.string("align_again_on")), studentId));
    }

    /**
     * Open agreements whose align-again day is {@code day} or earlier and that were not reminded of
     * yet, in every class: the reminder job decides per class's time zone which are due.
     */
    public List<Agreement> alignmentsDueBy(LocalDate day) {
        return database.read(sql -> sql.list("""
                SELECT * FROM agreement
                WHERE status = 'open' AND reminded_at IS NULL AND align_again_on IS NOT NULL
                  AND align_again_on <= ?
                ORDER BY align_again_on, student_id, id""", AGREEMENT, day));
    }

    /** @return false when someone else reminded first */
    public boolean markReminded(long agreementId, Instant now) {
        return database.write(sql -> sql.update(
                        "UPDATE agreement SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", now, agreementId))
                == 1;
    }

    /** @return false when it was done already */
    public boolean markDone(long agreementId, Instant now) {
        return database.write(sql -> sql.update(
                        "UPDATE agreement SET status = 'done', done_at = ? WHERE id = ? AND status = 'open'",
                        now,
                        agreementId))
                == 1;
    }

    /** Records that the guardian was asked to confirm; asking again keeps their earlier answer. */
    public void ask(long agreementId, long guardianId, Instant now) {
        database.write(sql -> sql.update("""
                INSERT INTO agreement_confirmation (agreement_id, guardian_id, asked_at) VALUES (?, ?, ?)
                ON CONFLICT (agreement_id, guardian_id) DO NOTHING""", agreementId, guardianId, now));
    }

    /**
     * The guardian's answer; a later answer replaces an earlier one.
     *
     * @return false when the guardian was never asked about this agreement
     */
    public boolean answer(
            long agreementId, long guardianId, ConfirmationStatus status, Optional<String> ownWords, Instant now) {
        return database.write(sql -> sql.update("""
                        UPDATE agreement_confirmation SET status = ?, own_words = ?, answered_at = ?
                        WHERE agreement_id = ? AND guardian_id = ?""", status, ownWords, now, agreementId, guardianId)) == 1;
    }

    public Optional<Confirmation> confirmation(long agreementId, long guardianId) {
        return database.read(sql -> sql.one(
                "SELECT * FROM agreement_confirmation WHERE agreement_id = ? AND guardian_id = ?",
                CONFIRMATION,
                agreementId,
                guardianId));
    }

    /** Every guardian's answer to the agreement, in the order they were asked. */
    public List<Confirmation> confirmations(long agreementId) {
        return database.read(sql -> sql.list(
                "SELECT * FROM agreement_confirmation WHERE agreement_id = ? ORDER BY asked_at, guardian_id",
                CONFIRMATION,
                agreementId));
    }

    /**
     * Retention: agreements done before {@code before}, and those made before it and still open
     * (they belong to a school year that is over), with the families' confirmations and their reply
     * codes. Returns how many agreements went.
     */
    public int removeEndedBefore(Instant before) {
        return database.write(sql -> sql.update(
                "DELETE FROM agreement WHERE done_at < ? OR (status = 'open' AND created_at < ?)", before, before));
    }
}
