package nl.classbridge.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps personal data no longer than the school's retention period ({@code retention.months}):
 * check-in rounds with their answers, finished deliveries with their texts, the audit log;
 * invite codes that expired unused and failed join tries older than a day go sooner.
 */
public final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Database database;
    private final CheckinRepository checkins;
    private final DeliveryRepository deliveries;
    private final AuditLog auditLog;
    private final InviteRepository invites;
    private final JoinAttemptRepository joinAttempts;
    private final int retentionMonths;
    private final Clock clock;

    public Housekeeping(
            Database database,
            CheckinRepository checkins,
            DeliveryRepository deliveries,
            AuditLog auditLog,
            InviteRepository invites,
            JoinAttemptRepository joinAttempts,
            int retentionMonths,
            Clock clock) {
        this.database = database;
        this.checkins = checkins;
        this.deliveries = deliveries;
        this.auditLog = auditLog;
        this.invites = invites;
        this.joinAttempts = joinAttempts;
        this.retentionMonths = retentionMonths;
        this.clock = clock;
    }

    /** What one clean-up removed. */
    public record Removed(int rounds, int deliveries, int auditEntries, int invites, int joinAttempts) {}

    /** Removes what is older than the retention period, in one transaction. */
    public Removed run() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(ZoneOffset.UTC).minusMonths(retentionMonths).toInstant();
        Removed removed = database.transaction(() -> new Removed(
                checkins.removeRoundsEndedBefore(cutoff),
                deliveries.removeFinishedBefore(cutoff),
                auditLog.removeOlderThan(cutoff),
                invites.removeExpiredUnused(now),
                joinAttempts.removeBefore(now.minus(Duration.ofDays(1)))));
        LOG.info(
                "Housekeeping removed {} rounds, {} deliveries, {} audit entries, {} expired invites",
                removed.rounds(),
                removed.deliveries(),
                removed.auditEntries(),
                removed.invites());
        return removed;
    }
}
