package nl.classbridge.store;

import java.time.Instant;

/** Which received mails were processed, so a restart or a second poll never handles one twice. */
public final class MailSeenRepository {
    private final Database database;

    public MailSeenRepository(Database database) {
        this.database = database;
    }

    /**
     * Marks a mail processed with a short outcome code ({@code answers}, {@code auto-reply},
     * {@code bounce}, ...). Returns false when it was already marked: then it must not be handled.
     */
    public boolean markProcessed(long uidValidity, long uid, String outcome, Instant now) {
        return database.write(sql -> sql.update("""
                INSERT OR IGNORE INTO mail_seen (uid_validity, uid, outcome, processed_at) VALUES (?, ?, ?, ?)""",
                uidValidity, uid, outcome, now)) == 1;
    }

    public boolean processed(long uidValidity, long uid) {
        return database.read(sql -> sql.count(
                "SELECT COUNT(*) AS n FROM mail_seen WHERE uid_validity = ? AND uid = ?", uidValidity, uid)) > 0;
    }

    /** The highest UID processed in this folder generation; 0 when none. */
    public long lastUid(long uidValidity) {
        return database.read(sql -> sql.count(
                "SELECT COALESCE(MAX(uid), 0) AS n FROM mail_seen WHERE uid_validity = ?", uidValidity));
    }
}
