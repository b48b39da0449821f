package nl.classbridge.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.store.HealthRepository.Failures;
import nl.classbridge.store.HealthRepository.Queue;

/**
 * The bot's health at one moment, for {@code classbridge status}, {@code /health} and
 * {@code /metrics}. No personal data: states, counts, reason codes, times and sizes.
 *
 * @param running       a bot has the database open
 * @param heartbeat     what the bot last said about itself; empty if it never did
 * @param outbox        the outbox per channel
 * @param failedLastDay messages that failed on their channel in the last 24 hours, by reason
 * @param lastMailSent  the last email that went out
 * @param database      the files and the schema
 * @param problems      what needs attention; empty when all is well
 */
public record HealthReport(
        Instant checkedAt,
        boolean running,
        Optional<Heartbeat> heartbeat,
        List<Queue> outbox,
        List<Failures> failedLastDay,
        Optional<Instant> lastMailSent,
        DatabaseFiles database,
        List<Problem> problems) {

    public HealthReport {
        outbox = List.copyOf(outbox);
        failedLastDay = List.copyOf(failedLastDay);
        problems = List.copyOf(problems);
    }

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** How long ago {@code at} was, never negative (a clock moved back reads as now). */
    public Duration ago(Instant at) {
        Duration since = Duration.between(at, checkedAt);
        return since.isNegative() ? Duration.ZERO : since;
    }

    /** The database file, its write-ahead log, and the newest migration applied and known. */
    public record DatabaseFiles(long bytes, long walBytes, int schemaVersion, int latestVersion) {}

    /** Something that needs attention: a stable code for monitoring, and what to look at. */
    public record Problem(Kind kind, String detail) {}

    /** The kinds of problem, each with the code monitoring sees. */
    public enum Kind {
        NOT_RUNNING("not-running"),
        HEARTBEAT_STALE("heartbeat-stale"),
        DISCORD_DISCONNECTED("discord-disconnected"),
        OUTBOX_STUCK("outbox-stuck"),
        MAIL_STALE("mail-stale");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
