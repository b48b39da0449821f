package nl.classbridge.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.classbridge.store.AuditLog;

/**
 * {@code /privacy audit [days]}: what the teachers of one Discord server did and read, for the
 * server's admins to account for it. Only the classes of that server, newest first. The log holds
 * ids and counts, never what was read: a child is named by id, so the trail shows no child's data
 * to an admin who has no need of it, and still reads right after the child was removed.
 */
public final class AuditTrail {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 400;
    /** More than an admin reads; a longer period is cut to its newest entries, and says so. */
    public static final int MAX_ENTRIES = 2000;

    private final AuditLog auditLog;
    private final Clock clock;

    public AuditTrail(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the admin asked for. */
    public sealed interface Trail {
        /** The entries, newest first; {@code cut} when there were more than {@value #MAX_ENTRIES}. */
        record Entries(int days, List<AuditLog.OfClass> entries, boolean cut) implements Trail {}

        /** Days outside 1 to {@value #MAX_DAYS}. */
        record DaysInvalid() implements Trail {}
    }

    /** The entries of the server {@code guildId} in the last {@code days} (default {@value #DEFAULT_DAYS}). */
    public Trail of(long guildId, Optional<Integer> days) {
        int period = days.orElse(DEFAULT_DAYS);
        if (period < 1 || period > MAX_DAYS) {
            return new Trail.DaysInvalid();
        }
        List<AuditLog.OfClass> found =
                auditLog.ofServerSince(guildId, clock.instant().minus(Duration.ofDays(period)), MAX_ENTRIES + 1);
        boolean cut = found.size() > MAX_ENTRIES;
        return new Trail.Entries(period, cut ? found.subList(0, MAX_ENTRIES) : found, cut);
    }
}
