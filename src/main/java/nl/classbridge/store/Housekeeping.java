package nl.classbridge.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps personal data no longer than the school's retention period, once a day. After {@code
 * retention.months} (default 13: a school year plus a margin) go: check-in rounds with their
 * requests and answers; conversations that ended (held, cancelled, or planned and never held) with
 * the teachers' reflections, and the children's views; agreements done, or still open but made
 * before it; finished deliveries with their texts; audit entries; the records of mails that left
 * the mailbox. Highlights go {@code retention.highlight-months} after they went out. Sooner: invite
 * codes that expired unused, failed join tries older than a day, and family confirmation codes
 * that were used or expired. What is younger, children, guardians, classes and valid invites stay.
 * What went is logged and audited as counts only.
 */
public final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    /** The audit log's actor for what the bot does by itself: no Discord user has id 0. */
    public static final long BOT = 0L;

    public static final String AUDIT_ACTION = "retention";

    private final Repositories store;
    private final int retentionMonths;
    private final int highlightMonths;
    private final Clock clock;

    public Housekeeping(Repositories store, int retentionMonths, int highlightMonths, Clock clock) {
        this.store = store;
        this.retentionMonths = retentionMonths;
        this.highlightMonths = highlightMonths;
        this.clock = clock;
    }

    /** What one clean-up removed, in rows. */
    public record Removed(
            int rounds,
            int conversations,
            int agreements,
            int deliveries,
            int highlights,
            int auditEntries,
            int invites,
            int joinAttempts,
            int confirmations,
            int mailRecords,
            int translations) {

        /** The counts as the log line and the audit entry give them, e.g. {@code rounds=2 conversations=0 ...}. */
        public String counts() {
            return "rounds=" + rounds + " conversations=" + conversations + " agreements=" + agreements
                    + " deliveries=" + deliveries + " highlights=" + highlights + " audit=" + auditEntries
                    + " invites=" + invites + " join-attempts=" + joinAttempts + " confirmations=" + confirmations
                    + " mail-records=" + mailRecords + " translations=" + translations;
        }
    }

    /** Removes what is older than the retention periods, in one transaction, and reports it. */
    public Removed run() {
        Instant now = clock.instant();
        Instant cutoff = monthsBefore(now, retentionMonths);
        Removed removed = store.database().transaction(() -> {
            Removed gone = new Removed(
                    store.checkins().removeRoundsEndedBefore(cutoff),
                    store.conversations().removeEndedBefore(cutoff),
                    store.agreements().removeEndedBefore(cutoff),
                    store.deliveries().removeFinishedBefore(cutoff),
                    store.highlights().removeUsedBefore(monthsBefore(now, highlightMonths)),
                    store.auditLog().removeOlderThan(cutoff),
                    store.invites().removeExpiredUnused(now),
                    store.joinAttempts().removeBefore(now.minus(Duration.ofDays(1))),
                    store.confirmations().removeEndedBefore(now),
                    store.mailSeen().removeExpungedBefore(cutoff),
                    store.translations().removeOlderThan(cutoff));
            store.auditLog().record(new AuditEntry(now, BOT, Optional.empty(), AUDIT_ACTION, gone.counts()));
            return gone;
        });
        LOG.info("Housekeeping removed {}", removed.counts());
        return removed;
    }

    private static Instant monthsBefore(Instant now, int months) {
        return now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
