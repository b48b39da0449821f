package nl.classbridge.store;

import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.ConfirmationKind;

/**
 * A family's requests that wait for a confirmation code (see {@code privacy.ConfirmationCodes}).
 * Only the code's hash is stored. At most one open request per guardian and kind: a new one
 * replaces the old.
 */
public final class ConfirmationRepository {
    /** An open request. {@code newEmail} is set for an email change only. */
    public record Pending(
            long id,
            long guardianId,
            ConfirmationKind kind,
            String codeHash,
            Optional<String> newEmail,
            Instant expiresAt,
            int failedTries) {}

    private static final RowMapper<Pending> PENDING = row -> new Pending(
            row.longValue("id"),
            row.longValue("guardian_id"),
            Coded.of(ConfirmationKind.class, row.string("kind")),
            row.string("code_hash"),
            row.optionalString("new_email"),
            row.instant("expires_at"),
            row.intValue("failed_tries"));

    private final Database database;

    public ConfirmationRepository(Database database) {
        this.database = database;
    }

    /** Records a new request, dropping any open one of the same kind for this guardian. */
    public Pending open(
            long guardianId,
            ConfirmationKind kind,
            String codeHash,
            Optional<String> newEmail,
            Instant now,
            Instant expiresAt) {
        return database.transaction(() -> {
            database.write(sql ->
                    sql.update("DELETE FROM family_confirmation WHERE guardian_id = ? AND kind = ?", guardianId, kind));
            long id = database.write(sql -> sql.insert("""
                    INSERT INTO family_confirmation (guardian_id, kind, code_hash, new_email, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", guardianId, kind, codeHash, newEmail, now, expiresAt));
            return new Pending(id, guardianId, kind, codeHash, newEmail, expiresAt, 0);
        });
    }

    /** The guardian's open, unexpired request of this kind. */
    public Optional<Pending> open(long guardianId, ConfirmationKind kind, Instant now) {
        return database.read(sql -> sql.one("""
                SELECT * FROM family_confirmation
                WHERE guardian_id = ? AND kind = ? AND used_at IS NULL AND expires_at > ?""", PENDING, guardianId, kind, now));
    }

    /** Counts a wrong code; returns the tries counted so far. */
    public int failedTry(long id) {
        return database.transaction(() -> {
            database.write(sql ->
                    sql.update("UPDATE family_confirmation SET failed_tries = failed_tries + 1 WHERE id = ?", id));
            long tries = database.read(
                    sql -> sql.count("SELECT failed_tries AS n FROM family_confirmation WHERE id = ?", id));
            return (int) tries;
        });
    }

    /** Marks the request used, once: of two racing confirmations exactly one gets true. */
    public boolean use(long id, Instant now) {
        return database.write(sql -> sql.update(
                        "UPDATE family_confirmation SET used_at = ? WHERE id = ? AND used_at IS NULL", now, id))
                == 1;
    }

    /** Drops the guardian's open request of this kind (cancelled, or too many wrong tries). */
    public void drop(long guardianId, ConfirmationKind kind) {
        database.write(sql ->
                sql.update("DELETE FROM family_confirmation WHERE guardian_id = ? AND kind = ?", guardianId, kind));
    }

    /** Removes requests that expired or were used before {@code before}: they hold an address. */
    public int removeEndedBefore(Instant before) {
        return database.write(sql -> sql.update(
                "DELETE FROM family_confirmation WHERE expires_at < ? OR (used_at IS NOT NULL AND used_at < ?)",
                before,
                before));
    }
}
