package nl.classbridge.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.health.HealthReport.Kind;
import nl.classbridge.health.HealthReport.Problem;
import nl.classbridge.store.HealthRepository;
import nl.classbridge.store.HealthRepository.Queue;
import nl.classbridge.store.Migrations;

/**
 * Puts the bot's health together and judges it. The thresholds are the ones monitoring is promised
 * (README, docs/operations.md): a due message that waits more than 15 minutes, a mailbox not read
 * for more than three poll intervals, a bot that has not written its heartbeat for two minutes
 * (eight beats).
 */
public final class HealthCheck {
    /** A due message waiting longer than this means the outbox is stuck. */
    public static final Duration OUTBOX_STUCK_AFTER = Duration.ofMinutes(15);
    /** The mailbox counts as not read after this many poll intervals without a look. */
    public static final int MAIL_STALE_INTERVALS = 3;
    /** How often the running bot writes its heartbeat. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);
    /** A running bot whose heartbeat is older than this is hanging. */
    public static final Duration HEARTBEAT_STALE_AFTER = Duration.ofMinutes(2);

    private static final Duration LAST_DAY = Duration.ofHours(24);

    private final HealthRepository figures;
    private final Path databaseFile;
    private final Clock clock;

    public HealthCheck(HealthRepository figures, Path databaseFile, Clock clock) {
        this.figures = figures;
        this.databaseFile = databaseFile;
        this.clock = clock;
    }

    /**
     * The health now. {@code running}: a bot has the database open (the CLI knows it from the bot's
     * lock; the bot itself is running). {@code heartbeat}: the bot's own word, live in the bot,
     * stored for the CLI.
     */
    public HealthReport check(boolean running, Optional<Heartbeat> heartbeat) {
        Instant now = clock.instant();
        List<Queue> outbox = figures.queues(now);
        HealthReport.DatabaseFiles database = new HealthReport.DatabaseFiles(
                sizeOf(databaseFile),
                sizeOf(databaseFile.resolveSibling(databaseFile.getFileName() + "-wal")),
                figures.schemaVersion(),
                Migrations.latest());
        return new HealthReport(
                now,
                running,
                heartbeat,
                outbox,
                figures.failuresSince(now.minus(LAST_DAY)),
                figures.lastSent(DeliveryChannel.EMAIL),
                database,
                problems(now, running, heartbeat, outbox));
    }

    private static List<Problem> problems(
            Instant now, boolean running, Optional<Heartbeat> heartbeat, List<Queue> outbox) {
        List<Problem> problems = new ArrayList<>();
        if (!running) {
            problems.add(new Problem(Kind.NOT_RUNNING, "no ClassBridge process has the database open"));
        } else if (heartbeat.isEmpty()) {
            problems.add(new Problem(Kind.HEARTBEAT_STALE, "the running bot has not written a heartbeat"));
        } else if (age(heartbeat.get().writtenAt(), now).compareTo(HEARTBEAT_STALE_AFTER) > 0) {
            problems.add(new Problem(
                    Kind.HEARTBEAT_STALE,
                    "the running bot last wrote its heartbeat "
                            + minutes(age(heartbeat.get().writtenAt(), now)) + " ago: it may hang"));
        }
        heartbeat
                .flatMap(Heartbeat::discord)
                .filter(gateway -> !gateway.connected())
                .ifPresent(gateway ->
                        problems.add(new Problem(Kind.DISCORD_DISCONNECTED, "not connected to Discord's gateway")));
        for (Queue queue : outbox) {
            queue.oldestDueSince()
                    .filter(since -> age(since, now).compareTo(OUTBOX_STUCK_AFTER) > 0)
                    .ifPresent(since -> problems.add(new Problem(
                            Kind.OUTBOX_STUCK,
                            queue.due() + " message(s) on " + queue.channel().code() + " due for "
                                    + minutes(age(since, now)) + " and not sent")));
        }
        heartbeat.ifPresent(beat -> beat.mailReading().ifPresent(reading -> {
            Instant last = reading.lastRead().orElse(beat.startedAt());
            Duration limit = reading.pollInterval().multipliedBy(MAIL_STALE_INTERVALS);
            if (age(last, now).compareTo(limit) > 0) {
                problems.add(new Problem(
                        Kind.MAIL_STALE,
                        reading.lastRead().isPresent()
                                ? "the mailbox was last read " + minutes(age(last, now)) + " ago"
                                : "the mailbox has not been read since the start, " + minutes(age(last, now))
                                        + " ago"));
            }
        }));
        return problems;
    }

    private static Duration age(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException gone) {
            return 0; // the WAL comes and goes with checkpoints
        }
    }
}
