package nl.classbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.health.HealthReport;
import nl.classbridge.store.HealthRepository.Failures;
import nl.classbridge.store.HealthRepository.Queue;

/** {@code classbridge status} for a person: the verdict and its reasons first, then the figures. Times in UTC. */
final class StatusText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StatusText() {}

    static String of(HealthReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("ClassBridge: " + (report.healthy() ? "all well" : "needs attention"));
        report.problems().forEach(problem -> lines.add("  ! " + problem.kind().code() + ": " + problem.detail()));
        Optional<Heartbeat> beat = report.heartbeat();
        lines.add(row(
                "Running",
                !report.running()
                        ? "no"
                        : beat.map(b -> "yes, since " + TIME.format(b.startedAt()) + " (heartbeat "
                                        + ago(report, b.writtenAt()) + ")")
                                .orElse("yes (no heartbeat yet)")));
        beat.ifPresent(b -> {
            lines.add(row("Discord", b.discord().map(StatusText::gateway).orElse("off (no token)")));
            lines.add(row(
                    "Mail in",
                    b.mailReading()
                            .map(r -> "read every " + r.pollInterval().toSeconds() + " s, last "
                                    + r.lastRead().map(at -> ago(report, at)).orElse("not yet"))
                            .orElse("off (mail.imap not set)")));
            lines.add(row(
                    "Mail out",
                    (b.smtp() ? "on" : "off (mail.smtp not set)") + ", last sent "
                            + report.lastMailSent().map(at -> ago(report, at)).orElse("never")));
        });
        lines.add(row(
                "Outbox", report.outbox().stream().map(q -> queue(report, q)).collect(Collectors.joining("; "))));
        lines.add(row(
                "Failed, 24 h",
                report.failedLastDay().isEmpty()
                        ? "none"
                        : report.failedLastDay().stream()
                                .map(StatusText::failures)
                                .collect(Collectors.joining(", "))));
        beat.ifPresent(b -> lines.add(row(
                "Next runs",
                b.nextRuns().entrySet().stream()
                        .map(run -> run.getKey() + " " + TIME.format(run.getValue()))
                        .collect(Collectors.joining(", ")))));
        HealthReport.DatabaseFiles files = report.database();
        lines.add(row(
                "Database",
                megabytes(files.bytes()) + ", WAL " + megabytes(files.walBytes()) + ", schema V" + files.schemaVersion()
                        + (files.schemaVersion() == files.latestVersion()
                                ? ""
                                : " (this release: V" + files.latestVersion() + ")")));
        return String.join("\n", lines) + "\n";
    }

    private static String gateway(Heartbeat.Gateway gateway) {
        return gateway.connected()
                ? "connected"
                        + gateway.latency()
                                .map(l -> ", latency " + l.toMillis() + " ms")
                                .orElse("")
                : "NOT connected";
    }

    private static String queue(HealthReport report, Queue queue) {
        String text = queue.channel().code() + " " + queue.waiting() + " waiting";
        if (queue.due() > 0) {
            text += ", " + queue.due() + " due";
        }
        if (queue.retrying() > 0) {
            text += ", " + queue.retrying() + " retrying";
        }
        return text
                + queue.oldestDueSince()
                        .map(since -> ", oldest due " + ago(report, since))
                        .orElse("");
    }

    private static String failures(Failures failures) {
        return failures.reason() + " " + failures.count() + (failures.handedOff() ? " (moved to email)" : "");
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-13s %s", label + ":", value);
    }

    private static String ago(HealthReport report, Instant at) {
        Duration ago = report.ago(at);
        if (ago.toMinutes() < 2) {
            return ago.toSeconds() + " s ago";
        }
        if (ago.toHours() < 2) {
            return ago.toMinutes() + " min ago";
        }
        return ago.toHours() + " h ago";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
