package nl.classbridge.ops;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.health.HealthReport;
import nl.classbridge.store.HealthRepository.Failures;
import nl.classbridge.store.HealthRepository.Queue;

/**
 * {@code GET /metrics}: the report in Prometheus' text exposition format (version 0.0.4). Times are
 * Unix seconds, as Prometheus expects; a metric without a value (mail never read) is left out.
 */
final class Metrics {
    private final StringBuilder text = new StringBuilder();

    private Metrics() {}

    static String of(HealthReport report) {
        Metrics m = new Metrics();
        Optional<Heartbeat> beat = report.heartbeat();
        m.help("classbridge_healthy", "gauge", "1 when nothing needs attention (classbridge status exits 0)");
        m.value("classbridge_healthy", "", report.healthy() ? 1 : 0);
        m.help("classbridge_problem", "gauge", "1 for each kind of problem that needs attention now");
        for (HealthReport.Kind kind : HealthReport.Kind.values()) {
            boolean now = report.problems().stream().anyMatch(problem -> problem.kind() == kind);
            m.value("classbridge_problem", label("code", kind.code()), now ? 1 : 0);
        }
        m.help("classbridge_started_timestamp_seconds", "gauge", "When the bot started");
        m.time("classbridge_started_timestamp_seconds", "", beat.map(Heartbeat::startedAt));

        Optional<Heartbeat.Gateway> gateway = beat.flatMap(Heartbeat::discord);
        m.help(
                "classbridge_discord_connected",
                "gauge",
                "1 when connected to Discord's gateway (absent without a token)");
        gateway.ifPresent(g -> m.value("classbridge_discord_connected", "", g.connected() ? 1 : 0));
        m.help("classbridge_discord_latency_seconds", "gauge", "Discord gateway heartbeat round trip");
        gateway.flatMap(Heartbeat.Gateway::latency)
                .ifPresent(latency -> m.value("classbridge_discord_latency_seconds", "", latency.toMillis() / 1000.0));

        // The format wants each metric's samples together, after its HELP and TYPE: one loop each.
        m.help("classbridge_outbox_waiting", "gauge", "Messages not yet sent, per channel");
        report.outbox().forEach(q -> m.value("classbridge_outbox_waiting", channel(q), q.waiting()));
        m.help("classbridge_outbox_due", "gauge", "Messages whose time has come and that wait to be sent");
        report.outbox().forEach(q -> m.value("classbridge_outbox_due", channel(q), q.due()));
        m.help("classbridge_outbox_retrying", "gauge", "Messages waiting after a failed try");
        report.outbox().forEach(q -> m.value("classbridge_outbox_retrying", channel(q), q.retrying()));
        m.help("classbridge_outbox_oldest_due_seconds", "gauge", "How long the oldest due message has waited");
        report.outbox()
                .forEach(q -> m.value(
                        "classbridge_outbox_oldest_due_seconds",
                        channel(q),
                        q.oldestDueSince()
                                .map(since -> report.ago(since).toSeconds())
                                .orElse(0L)));
        m.help("classbridge_deliveries_failed_24h", "gauge", "Messages that failed on their channel in the last 24 h");
        for (Failures failures : report.failedLastDay()) {
            m.value(
                    "classbridge_deliveries_failed_24h",
                    label("reason", failures.reason()) + ","
                            + label("outcome", failures.handedOff() ? "handed-off" : "failed"),
                    failures.count());
        }

        Optional<Heartbeat.MailReading> reading = beat.flatMap(Heartbeat::mailReading);
        m.help(
                "classbridge_mail_poll_interval_seconds",
                "gauge",
                "How often the mailbox is read (absent without IMAP)");
        reading.ifPresent(r -> m.value(
                "classbridge_mail_poll_interval_seconds", "", r.pollInterval().toSeconds()));
        m.help("classbridge_mail_last_read_timestamp_seconds", "gauge", "The last successful look in the mailbox");
        m.time("classbridge_mail_last_read_timestamp_seconds", "", reading.flatMap(Heartbeat.MailReading::lastRead));
        m.help("classbridge_mail_last_sent_timestamp_seconds", "gauge", "The last email sent");
        m.time("classbridge_mail_last_sent_timestamp_seconds", "", report.lastMailSent());

        m.help("classbridge_job_next_run_timestamp_seconds", "gauge", "Each scheduled job's next run");
        beat.ifPresent(b -> b.nextRuns()
                .forEach((job, at) ->
                        m.time("classbridge_job_next_run_timestamp_seconds", label("job", job), Optional.of(at))));

        HealthReport.DatabaseFiles files = report.database();
        m.help("classbridge_database_bytes", "gauge", "Size of the SQLite database file");
        m.value("classbridge_database_bytes", "", files.bytes());
        m.help("classbridge_database_wal_bytes", "gauge", "Size of its write-ahead log");
        m.value("classbridge_database_wal_bytes", "", files.walBytes());
        m.help("classbridge_schema_version", "gauge", "The newest migration applied to the database");
        m.value("classbridge_schema_version", "", files.schemaVersion());
        return m.text.toString();
    }

    private static String channel(Queue queue) {
        return label("channel", queue.channel().code());
    }

    private void help(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void value(String name, String labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{').append(labels).append('}');
        }
        text.append(' ').append(number(value)).append('\n');
    }

    private void time(String name, String labels, Optional<Instant> at) {
        at.ifPresent(instant -> value(name, labels, instant.toEpochMilli() / 1000.0));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    /** A label, its value escaped as the format asks (backslash, quote, new line). */
    private static String label(String name, String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return name + "=\"" + escaped + "\"";
    }
}
