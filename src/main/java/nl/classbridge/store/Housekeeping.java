package nl.classbridge.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps personal data no longer than the school's retention period ({@code retention.months}):
 * check-in rounds with their answers, finished deliveries with their texts, the audit log, and
 * invite codes that expired unused.
 */
public final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Database database;
    private final CheckinRepository checkins;
    private final DeliveryRepository deliveries;
    private final AuditLog auditLog;
    private final InviteRepository invites;
    private final int retentionMonths;
    private final Clock clock;

    public Housekeeping(Database database, CheckinRepository checkins, DeliveryRepository deliveries,
            AuditLog auditLog, InviteRepository invites, int retentionMonths, Clock clock) {
        this.database = database;
        this.checkins = checkins;
        this.deliveries = deliveries;
        this.auditLog = auditLog;
        this.invites = invites;
        this.retentionMonths = retentionMonths;
        this.clock = clock;
    }

    /** What one clean-up removed. */
    public record Removed(int rounds, int deliveries, int auditEntries, int invites) {
    }

    /** Removes what is older than the retention period, in one transaction. */
    public Removed run() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(ZoneOffset.UTC).minusMonths(retentionMonths).toInstant();
        Removed removed = database.transaction(() -> new Removed(
                checkins.removeRoundsEndedBefore(cutoff),
                deliveries.removeFinishedBefore(cutoff),
                auditLog.removeOlderThan(cutoff),
                invites.removeExpiredUnused(now)));
        LOG.info("Housekeeping removed {} rounds, {} deliveries, {} audit entries, {} expired invites",
                removed.rounds(), removed.deliveries(), removed.auditEntries(), removed.invites());
        return removed;
    }
}
