package nl.classbridge.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.health.HealthReport;
import nl.classbridge.store.HealthRepository.Failures;
import nl.classbridge.store.HealthRepository.Queue;

/** {@code GET /health}: the report as one JSON object; times in ISO-8601 UTC, ages in seconds. */
final class HealthJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthJson() {}

    static String of(HealthReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", report.healthy() ? "ok" : "attention");
        root.put("checkedAt", report.checkedAt().toString());
        ArrayNode problems = root.putArray("problems");
        report.problems()
                .forEach(problem ->
                        problems.addObject().put("code", problem.kind().code()).put("detail", problem.detail()));
        root.put("running", report.running());
        Optional<Heartbeat> beat = report.heartbeat();
        putTime(root, "startedAt", beat.map(Heartbeat::startedAt));
        putTime(root, "heartbeatAt", beat.map(Heartbeat::writtenAt));

        ObjectNode discord = root.putObject("discord");
        Optional<Heartbeat.Gateway> gateway = beat.flatMap(Heartbeat::discord);
        discord.put(
                "state",
                gateway.map(g -> g.connected() ? "connected" : "disconnected").orElse("off"));
        gateway.flatMap(Heartbeat.Gateway::latency).ifPresent(latency -> discord.put("latencyMs", latency.toMillis()));

        ArrayNode outbox = root.putArray("outbox");
        for (Queue queue : report.outbox()) {
            ObjectNode channel = outbox.addObject()
                    .put("channel", queue.channel().code())
                    .put("waiting", queue.waiting())
                    .put("due", queue.due())
                    .put("retrying", queue.retrying());
            queue.oldestDueSince()
                    .ifPresent(since ->
                            channel.put("oldestDueSeconds", report.ago(since).toSeconds()));
        }
        ArrayNode failed = root.putArray("failedLast24h");
        for (Failures failures : report.failedLastDay()) {
            failed.addObject()
                    .put("reason", failures.reason())
                    .put("outcome", failures.handedOff() ? "handed-off" : "failed")
                    .put("count", failures.count());
        }

        ObjectNode mail = root.putObject("mail");
        Optional<Heartbeat.MailReading> reading = beat.flatMap(Heartbeat::mailReading);
        mail.put("imap", reading.isPresent());
        reading.ifPresent(r -> mail.put("pollSeconds", r.pollInterval().toSeconds()));
        putTime(mail, "lastReadAt", reading.flatMap(Heartbeat.MailReading::lastRead));
        mail.put("smtp", beat.map(Heartbeat::smtp).orElse(false));
        putTime(mail, "lastSentAt", report.lastMailSent());

        ObjectNode runs = root.putObject("nextRuns");
        beat.ifPresent(b -> b.nextRuns().forEach((job, at) -> runs.put(job, at.toString())));

        HealthReport.DatabaseFiles files = report.database();
        root.putObject("database")
                .put("bytes", files.bytes())
                .put("walBytes", files.walBytes())
                .put("schemaVersion", files.schemaVersion())
                .put("latestVersion", files.latestVersion());
        return root.toPrettyString() + "\n";
    }

    private static void putTime(ObjectNode node, String field, Optional<Instant> at) {
        if (at.isPresent()) {
            node.put(field, at.get().toString());
        } else {
            node.putNull(field);
        }
    }
}
