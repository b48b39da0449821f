package nl.classbridge.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.domain.Delivery;

/**
 * Sends 1,000 mails to GreenMail on loopback, once over one reused SMTP connection and once with a
 * new connection per mail, and prints mails per second and the per-mail latency (p50, p99) of
 * {@link SmtpSender#send}: building the MIME message, storing its Message-ID in SQLite, the
 * connection check (NOOP) and the SMTP transaction. A last run sends the same 1,000 through the
 * real dispatcher and outbox, for the figure a school would see.
 *
 * <p>{@code mvn -B -q -Pbench test-compile exec:java -Dbench.main=nl.classbridge.mail.SmtpBenchmark}
 */
public final class SmtpBenchmark {
    private static final int MAILS = 1_000;
    private static final int WARM_UP = 300;

    private SmtpBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "SMTP benchmark: %d mails to GreenMail on 127.0.0.1, %s%n",
                MAILS,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        run(SmtpSender.Connections.REUSE);
        run(SmtpSender.Connections.PER_MESSAGE);
        runThroughDispatcher();
    }

    private static void run(SmtpSender.Connections mode) throws IOException {
        Path folder = Files.createTempDirectory("smtp-bench");
        try (SchoolMail school = new SchoolMail(folder, "", Optional.empty(), mode)) {
            school.server.start();
            sendDirect(school, "warm-up", WARM_UP);
            int connectionsBefore = school.server.smtpConnections();
            int receivedBefore = school.received().size();

            long start = System.nanoTime();
            long[] latencies = sendDirect(school, "run", MAILS);
            double seconds = (System.nanoTime() - start) / 1e9;

            int received = school.received().size() - receivedBefore;
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %7.0f mails/s  p50 %6.3f ms  p99 %6.3f ms  max %6.3f ms  (%d received, %d new connections)%n",
                    mode == SmtpSender.Connections.REUSE ? "one reused connection:" : "new connection per mail:",
                    MAILS / seconds,
                    millis(percentile(latencies, 50)),
                    millis(percentile(latencies, 99)),
                    millis(latencies[latencies.length - 1]),
                    received,
                    school.server.smtpConnections() - connectionsBefore);
        } finally {
            delete(folder);
        }
    }

    /** Claims each row as the dispatcher does, then times the sender alone. */
    private static long[] sendDirect(SchoolMail school, String prefix, int count) {
        List<Delivery> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Delivery row = school.queueUpdate(prefix + ":guardian:" + i, "ouder" + i + "@example.org");
            school.store.deliveries.claim(row.id(), school.now());
            rows.add(school.reload(row));
        }
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            SendResult result = school.sender.send(rows.get(i));
            latencies[i] = System.nanoTime() - start;
            if (!(result instanceof SendResult.Sent)) {
                throw new IllegalStateException("mail " + i + " not sent: " + result);
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static void runThroughDispatcher() throws IOException {
        Path folder = Files.createTempDirectory("smtp-bench");
        try (SchoolMail school = new SchoolMail(folder)) {
            school.server.start();
            for (int i = 0; i < MAILS; i++) {
                school.queueUpdate("outbox:guardian:" + i, "ouder" + i + "@example.org");
            }
            long start = System.nanoTime();
            school.dispatchAllDue();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %7.0f mails/s  (%d received, %d connections; includes SQLite "
                            + "claim + Message-ID + mark sent per mail)%n",
                    "dispatcher + outbox, reused:",
                    MAILS / seconds,
                    school.received().size(),
                    school.server.smtpConnections());
        } finally {
            delete(folder);
        }
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
