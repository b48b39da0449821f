package nl.classbridge.store;

import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Invite;
import nl.classbridge.domain.Language;

/** Invite codes, by hash. */
public final class InviteRepository {
    private static final RowMapper<Invite> INVITE = row -> new Invite(
            row.longValue("id"),
            row.longValue("student_id"),
            row.longValue("created_by_user_id"),
            row.instant("created_at"),
            row.instant("expires_at"),
            row.optionalInstant("used_at"),
            row.optionalString("language").map(code -> Coded.of(Language.class, code)));

    private final Database database;

    public InviteRepository(Database database) {
        this.database = database;
    }

    public Invite add(long studentId, String codeHash, long createdByUserId, Instant now, Instant expiresAt) {
        return add(studentId, codeHash, createdByUserId, now, expiresAt, Optional.empty());
    }

    /** A new invite; {@code language} is the one its text was made in, if the teacher chose one. */
    public Invite add(
            long studentId,
            String codeHash,
            long createdByUserId,
            Instant now,
            Instant expiresAt,
            Optional<Language> language) {
        long id =
                database.write(sql -> sql.insert("""
                INSERT INTO invite_code (student_id, code_hash, created_by_user_id, created_at, expires_at, language)
                VALUES (?, ?, ?, ?, ?, ?)""", studentId, codeHash, createdByUserId, now, expiresAt, language));
        return new Invite(id, studentId, createdByUserId, now, expiresAt, Optional.empty(), language);
    }

    public Optional<Invite> findByHash(String codeHash) {
        return database.read(sql -> sql.one("SELECT * FROM invite_code WHERE code_hash = ?", INVITE, codeHash));
    }

    /**
     * Marks the invite used by {@code guardianId}, only if it is still unused and unexpired at
     * {@code now}. Returns whether this call claimed it: of two guardians racing for one code,
     * exactly one wins.
     */
    public boolean claim(long inviteId, long guardianId, Instant now) {
        return database.write(sql -> sql.update("""
                UPDATE invite_code SET used_at = ?, used_by_guardian_id = ?
                WHERE id = ? AND used_at IS NULL AND expires_at > ?""", now, guardianId, inviteId, now)) == 1;
    }

    /** Forgets invites that expired before {@code before}; used ones are kept for the audit trail. */
    public int removeExpiredUnused(Instant before) {
        return database.write(
                sql -> sql.update("DELETE FROM invite_code WHERE used_at IS NULL AND expires_at < ?", before));
    }
}
