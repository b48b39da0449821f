package nl.classbridge.store;

import java.time.Instant;
import java.util.Optional;

/** Failed invite-code tries per Discord user, for the rate limit on {@code /join}. */
public final class JoinAttemptRepository {
    private final Database database;

    public JoinAttemptRepository(Database database) {
        this.database = database;
    }

    public void recordFailure(long discordUserId, Instant now) {
        database.write(sql -> sql.insert(
                "INSERT INTO join_attempt (discord_user_id, attempted_at) VALUES (?, ?)", discordUserId, now));
    }

    public long failuresSince(long discordUserId, Instant since) {
        return database.read(sql -> sql.count(
                "SELECT COUNT(*) AS n FROM join_attempt WHERE discord_user_id = ? AND attempted_at > ?",
                discordUserId,
                since));
    }

    /** The oldest failure after {@code since}: when it ages out, one more try is allowed. */
    public Optional<Instant> oldestFailureSince(long discordUserId, Instant since) {
        return database.read(sql -> sql.one("""
                SELECT MIN(attempted_at) AS at FROM join_attempt WHERE discord_user_id = ? AND attempted_at > ?
                HAVING COUNT(*) > 0""", row -> row.instant("at"), discordUserId, since));
    }

    /** Forgets tries older than {@code before}; they no longer count. */
    public int removeBefore(Instant before) {
        return database.write(sql -> sql.update("DELETE FROM join_attempt WHERE attempted_at < ?", before));
    }
}
