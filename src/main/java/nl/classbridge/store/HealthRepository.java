package nl.classbridge.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Heartbeat;

/**
 * The figures behind {@code classbridge status} and the health endpoint: the bot's heartbeat, the
 * outbox by channel, failures by reason code, the schema version. Counts, codes and times only:
 * nothing here may name a family.
 */
public final class HealthRepository {
    private final Database database;

    public HealthRepository(Database database) {
        this.database = database;
    }

    /** The outbox on one channel: every message not yet sent, and the due ones among them. */
    public record Queue(
            DeliveryChannel channel, long waiting, long due, long retrying, Optional<Instant> oldestDueSince) {}

    /** How many messages failed on their channel with one reason; {@code handedOff}: moved to email. */
    public record Failures(String reason, boolean handedOff, long count) {}

    /**
     * The outbox per channel at {@code now}. <em>Waiting</em>: queued or being sent. <em>Due</em>:
     * queued and its time has come (not held for quiet hours, a retry or a rate limit); the oldest
     * due one says since when the outbox has not moved. <em>Retrying</em>: tried before and failed
     * for now.
     */
    public List<Queue> queues(Instant now) {
        return database.read(sql -> {
            List<Queue> queues = new ArrayList<>();
            for (DeliveryChannel channel : DeliveryChannel.values()) {
                queues.add(sql.one(
                                """
                                SELECT COUNT(*) AS waiting,
                                       COALESCE(SUM(status = 'queued' AND next_attempt_at <= ?), 0) AS due,
                                       COALESCE(SUM(attempts > 0), 0) AS retrying,
                                       MIN(CASE WHEN status = 'queued' AND next_attempt_at <= ?
                                                THEN next_attempt_at END) AS oldest_due
                                FROM delivery WHERE channel = ? AND status IN ('queued', 'sending')""",
                                row -> new Queue(
                                        channel,
                                        row.longValue("waiting"),
                                        row.longValue("due"),
                                        row.longValue("retrying"),
                                        row.optionalInstant("oldest_due")),
                                now,
                                now,
                                channel)
                        .orElseThrow());
            }
            return queues;
        });
    }

    /** Messages that failed on their channel since {@code since}, per reason code, most first. */
    public List<Failures> failuresSince(Instant since) {
        return database.read(sql -> sql.list(
                """
                SELECT COALESCE(last_error, 'unknown') AS reason, status = 'handed-off' AS handed_off, COUNT(*) AS n
                FROM delivery WHERE failed_at >= ? AND status IN ('failed', 'handed-off')
                GROUP BY 1, 2 ORDER BY n DESC, reason""", row -> new Failures(row.string("reason"), row.bool("handed_off"), row.longValue("n")), since));
    }

    /** When the last message on {@code channel} went out, if any did (and was not yet removed by retention). */
    public Optional<Instant> lastSent(DeliveryChannel channel) {
        return database.read(sql -> sql.one(
                        "SELECT MAX(sent_at) AS last FROM delivery WHERE channel = ? AND status = 'sent'",
                        row -> row.optionalInstant("last"),
                        channel))
                .flatMap(last -> last);
    }

    /** The newest migration applied to this database. */
    public int schemaVersion() {
        return database.read(sql -> sql.one(
                        "SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0) AS n FROM flyway_schema_history"
                                + " WHERE success = 1",
                        row -> row.intValue("n"))
                .orElse(0));
    }

    public void save(Heartbeat beat) {
        StringBuilder runs = new StringBuilder();
        beat.nextRuns()
                .forEach((job, at) ->
                        runs.append(job).append('=').append(at.toEpochMilli()).append('\n'));
        Optional<Heartbeat.Gateway> discord = beat.discord();
        database.write(sql -> sql.update(
                """
                INSERT OR REPLACE INTO bot_heartbeat (id, written_at, started_at, discord, discord_latency_ms,
                                                      mail_poll_seconds, mail_read_at, smtp, next_runs)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)""",
                beat.writtenAt(),
                beat.startedAt(),
                discord.map(gateway -> gateway.connected() ? "connected" : "disconnected")
                        .orElse("off"),
                discord.flatMap(Heartbeat.Gateway::latency).map(Duration::toMillis),
                beat.mailReading().map(reading -> reading.pollInterval().toSeconds()),
                beat.mailReading().flatMap(Heartbeat.MailReading::lastRead),
                beat.smtp() ? 1 : 0,
                runs.toString()));
    }

    /** The last heartbeat any bot wrote into this database, if one ever did. */
    public Optional<Heartbeat> heartbeat() {
        return database.read(sql -> sql.one("SELECT * FROM bot_heartbeat WHERE id = 1", row -> {
            String discord = row.string("discord");
            Optional<Heartbeat.Gateway> gateway = discord.equals("off")
                    ? Optional.empty()
                    : Optional.of(new Heartbeat.Gateway(
                            discord.equals("connected"),
                            row.optionalLong("discord_latency_ms").map(Duration::ofMillis)));
            Optional<Long> pollSeconds = row.optionalLong("mail_poll_seconds");
            Optional<Instant> lastRead = row.optionalInstant("mail_read_at");
            Optional<Heartbeat.MailReading> reading =
                    pollSeconds.map(seconds -> new Heartbeat.MailReading(Duration.ofSeconds(seconds), lastRead));
            return new Heartbeat(
                    row.instant("written_at"),
                    row.instant("started_at"),
                    gateway,
                    reading,
                    row.bool("smtp"),
                    nextRuns(row.string("next_runs")));
        }));
    }

    private static Map<String, Instant> nextRuns(String lines) {
        Map<String, Instant> runs = new LinkedHashMap<>();
        lines.lines().filter(line -> line.contains("=")).forEach(line -> {
            int cut = line.lastIndexOf('=');
            runs.put(line.substring(0, cut), Instant.ofEpochMilli(Long.parseLong(line.substring(cut + 1))));
        });
        return runs;
    }
}
