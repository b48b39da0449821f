package nl.classbridge.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import nl.classbridge.bench.CpuMeter;
import nl.classbridge.bench.Latencies;
import nl.classbridge.bench.Profiling;
import nl.classbridge.bench.Rss;

/**
 * A benchmark, not a test: parents pressing check-in buttons, through the local Discord server,
 * into the real ClassBridge (real JDA, real SQLite), bot and server in one JVM. Prints how long
 * the bot took to acknowledge each press (Discord allows 3 seconds) as p50, p99 and max, the
 * throughput, whether each parent's presses were handled in order, and where the CPU time went:
 * the bot's own threads apart from the local server's. In this order:
 *
 * <ol>
 *   <li>one press at a time (100, after 100 to warm up);
 *   <li>the first burst of 500 presses from 25 parents: a JVM that has not run a burst yet, as
 *       issue 4 and issue 10 measured it;
 *   <li>{@code bench.warmup} (5) more bursts to let the JIT compile the press path, then a burst of
 *       500 from 25 parents: a bot that has been running;
 *   <li>a burst of 1,000 presses from 50 parents;
 *   <li>an open-loop arrival: 100 presses a second for 30 seconds, from 50 parents
 *       ({@code bench.open.rate}, {@code bench.open.seconds}).
 * </ol>
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:java} (about 60 seconds, all on loopback).
 * {@code -Dbench.jfr=FILE} records the warm burst of 500 with JFR (see {@link Profiling}).
 */
public final class ButtonBurstBenchmark {
    private static final int PARENTS = 50;
    private static final int BURST = 500;
    private static final int BURST_PARENTS = 25;
    private static final int BIG_BURST = 1_000;

    private ButtonBurstBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 5);
        int openRate = Integer.getInteger("bench.open.rate", 100);
        int openSeconds = Integer.getInteger("bench.open.seconds", 30);
        Path folder = Files.createTempDirectory("classbridge-bench");
        try (PressingFamilies pressing = PressingFamilies.start(folder, PARENTS, Map.of())) {
            System.out.printf(
                    "ClassBridge button presses: real JDA + local Discord + SQLite in one JVM; %d cores; %s%n",
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.printf(
                    "resident memory after set-up (%d parents at their first question): %d MiB%n%n",
                    PARENTS, Rss.mebibytes());

            pressing.oneAtATime(100); // warm-up
            CpuMeter singleCpu = CpuMeter.start();
            Latencies single = pressing.oneAtATime(100);
            CpuMeter.Report singleReport = singleCpu.stop();
            System.out.printf("ONE PRESS AT A TIME (100, after 100 to warm up): %s%n", single.summary());
            System.out.print(singleReport.table(100, "press"));
            System.out.println();

            burst(pressing, "FIRST BURST (cold JIT, as measured before issue 11)", BURST, BURST_PARENTS, false);

            for (int w = 0; w < warmup; w++) {
                PressingFamilies.Burst warm = pressing.burst(BURST, BURST_PARENTS);
                System.out.printf("  warm-up burst %d: %.0f presses/s%n", w + 1, warm.perSecond());
            }
            System.out.println();
            burst(pressing, "BURST after " + warmup + " warm-up bursts", BURST, BURST_PARENTS, true);
            burst(pressing, "BIG BURST", BIG_BURST, PARENTS, false);
            System.out.printf(
                    "resident memory after the bursts: %d MiB (peak %d MiB)%n%n", Rss.mebibytes(), Rss.peakMebibytes());

            CpuMeter openCpu = CpuMeter.start();
            PressingFamilies.OpenLoop open = pressing.openLoop(openRate, openSeconds, PARENTS);
            CpuMeter.Report openReport = openCpu.stop();
            Latencies openLatencies = open.presses().latencies();
            System.out.printf(
                    "OPEN LOOP: %d presses a second for %d s from %d parents (%d presses)%n",
                    openRate, openSeconds, PARENTS, openLatencies.count());
            System.out.printf("acknowledgement latency: %s%n", openLatencies.summary());
            System.out.printf(
                    "within 50 ms: %d of %d; the driver fell behind its plan by at most %s ms%n",
                    openLatencies.within(Duration.ofMillis(50)),
                    openLatencies.count(),
                    Latencies.millis(open.driverMostLate()));
            System.out.printf("each parent's presses in order: %s%n", pressing.orderCheck(open.presses()));
            System.out.print(openReport.table(openLatencies.count(), "press"));
            System.out.printf(
                    "%nresident memory at the end: %d MiB (peak %d MiB); %s%n",
                    Rss.mebibytes(), Rss.peakMebibytes(), loadAverage());
        }
    }

    private static void burst(PressingFamilies pressing, String title, int presses, int parents, boolean profile) {
        var serverBefore = pressing.school.discord.statistics();
        CpuMeter cpu = CpuMeter.start();
        PressingFamilies.Burst burst;
        Profiling profiling = profile ? Profiling.phase(title) : Profiling.none();
        try {
            burst = pressing.burst(presses, parents);
        } finally {
            profiling.close();
        }
        CpuMeter.Report report = cpu.stop();
        var serverAfter = pressing.school.discord.statistics();
        Latencies latencies = burst.latencies();
        System.out.printf("%s: %d presses from %d parents at once%n", title, presses, parents);
        System.out.printf("acknowledgement latency: %s%n", latencies.summary());
        System.out.printf(
                "throughput: %.0f presses/s (%d in %.2f s); within Discord's 3 s: %d of %d%n",
                burst.perSecond(), presses, burst.nanos() / 1e9, latencies.within(Duration.ofSeconds(3)), presses);
        System.out.printf("each parent's presses in order: %s%n", pressing.orderCheck(burst));
        System.out.print(report.table(presses, "press"));
        System.out.printf(
                "local server: %d requests, %d new connections; threads now: %s%n%n",
                serverAfter.requests() - serverBefore.requests(),
                serverAfter.connectionsOpened() - serverBefore.connectionsOpened(),
                CpuMeter.threadCounts());
    }

    /** The machine's load average now, from /proc/loadavg: other builds on the same cores skew every figure. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.format(Locale.ROOT, "load average %s %s %s", parts[0], parts[1], parts[2]);
        } catch (java.io.IOException | RuntimeException e) {
            return "load average unknown";
        }
    }
}
