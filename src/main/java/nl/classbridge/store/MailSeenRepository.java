package nl.classbridge.store;

import java.time.Instant;
import java.util.List;

/**
 * Which received mails were taken, so a restart or a second look never reads one twice, and
 * when each may leave the mailbox. A mail is claimed before it is read: a claim still open at the
 * next look means reading it stopped the bot, and it is quarantined instead of read again.
 */
public final class MailSeenRepository {
    /** The outcome of a mail that is being read (or was, when the bot stopped). */
    public static final String READING = "reading";

    private final Database database;

    public MailSeenRepository(Database database) {
        this.database = database;
    }

    /** Claims a mail before it is read. Returns false when it was claimed before: then leave it alone. */
    public boolean claim(long uidValidity, long uid, Instant now) {
        return database.write(sql -> sql.update("""
                INSERT OR IGNORE INTO mail_seen (uid_validity, uid, outcome, processed_at) VALUES (?, ?, ?, ?)""", uidValidity, uid, READING, now)) == 1;
    }

    /** Records what became of a claimed mail: a short code such as {@code answers} or {@code quarantined}. */
    public void finish(long uidValidity, long uid, String outcome, Instant now) {
        database.write(sql -> sql.update("""
                UPDATE mail_seen SET outcome = ?, processed_at = ? WHERE uid_validity = ? AND uid = ?""", outcome, now, uidValidity, uid));
    }

    /** Gives a claim back: the mailbox dropped the connection before the mail could be read. */
    public void release(long uidValidity, long uid) {
        database.write(sql -> sql.update(
                "DELETE FROM mail_seen WHERE uid_validity = ? AND uid = ? AND outcome = ?", uidValidity, uid, READING));
    }

    /** Claims that were never finished: the bot stopped while reading them. */
    public List<Long> unfinished(long uidValidity) {
        return database.read(sql -> sql.list(
                "SELECT uid FROM mail_seen WHERE uid_validity = ? AND outcome = ? ORDER BY uid",
                row -> row.longValue("uid"),
                uidValidity,
                READING));
    }

    /** The highest UID claimed in this folder generation; 0 when none. */
    public long lastUid(long uidValidity) {
        return database.read(sql ->
                sql.count("SELECT COALESCE(MAX(uid), 0) AS n FROM mail_seen WHERE uid_validity = ?", uidValidity));
    }

    /** Mails finished before {@code before} and still in the mailbox, at most {@code limit}, oldest first. */
    public List<Long> toExpunge(long uidValidity, Instant before, int limit) {
        return database.read(sql -> sql.list("""
                SELECT uid FROM mail_seen
                WHERE uid_validity = ? AND processed_at < ? AND expunged_at IS NULL AND outcome <> ?
                ORDER BY uid LIMIT ?""", row -> row.longValue("uid"), uidValidity, before, READING, limit));
    }

    public void markExpunged(long uidValidity, List<Long> uids, Instant now) {
        database.transaction(() -> {
            for (long uid : uids) {
                database.write(sql -> sql.update(
                        "UPDATE mail_seen SET expunged_at = ? WHERE uid_validity = ? AND uid = ?",
                        now,
                        uidValidity,
                        uid));
            }
            return null;
        });
    }

    /** The outcome recorded for a mail, if it was claimed. */
    public java.util.Optional<String> outcome(long uidValidity, long uid) {
        return database.read(sql -> sql.one(
                "SELECT outcome FROM mail_seen WHERE uid_validity = ? AND uid = ?",
                row -> row.string("outcome"),
                uidValidity,
                uid));
    }

    /**
     * Retention: records of mails that left the mailbox before {@code before}. The newest record of
     * each folder generation stays, as it tells where the next look starts ({@link #lastUid}).
     */
    public int removeExpungedBefore(Instant before) {
        return database.write(sql -> sql.update("""
                DELETE FROM mail_seen
                WHERE expunged_at IS NOT NULL AND expunged_at < ?
                  AND uid < (SELECT MAX(uid) FROM mail_seen AS newest
                             WHERE newest.uid_validity = mail_seen.uid_validity)""", before));
    }
}
