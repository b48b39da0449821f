package nl.classbridge.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.classbridge.bench.CpuMeter;
import nl.classbridge.bench.Latencies;
import nl.classbridge.bench.Profiling;

/**
 * A benchmark, not a test: 500 button presses in one burst from 25 parents, through the local
 * Discord server, into the real ClassBridge (real JDA, real SQLite). Prints how long the bot took
 * to acknowledge each press (Discord allows 3 seconds), as p50, p99 and max, the throughput, and
 * where the CPU time went: the bot's own threads apart from the local server's.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:java}. {@code -Dbench.repeat=N} sends N bursts
 * (the figures are the last one's, the CPU table all of them: for profiling);
 * {@code -Dbench.jfr=FILE} records the bursts with JFR (see {@link Profiling}).
 */
public final class ButtonBurstBenchmark {
    private static final int PARENTS = 25;
    private static final int PRESSES = 500;

    private ButtonBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeat = Integer.getInteger("bench.repeat", 1);
        Path folder = Files.createTempDirectory("classbridge-bench");
        try (PressingFamilies pressing = PressingFamilies.start(folder, PARENTS, Map.of())) {
            // One at a time first: the time one press costs when nothing else is waiting.
            pressing.oneAtATime(100); // warm-up
            CpuMeter singleCpu = CpuMeter.start();
            Latencies single = pressing.oneAtATime(100);
            CpuMeter.Report singleReport = singleCpu.stop();

            for (int w = 0; w < Integer.getInteger("bench.warmup", 0); w++) {
                CpuMeter warm = CpuMeter.start();
                PressingFamilies.Burst warmBurst = pressing.burst(PRESSES, PARENTS);
                CpuMeter.Report report = warm.stop();
                Thread.sleep(Long.getLong("bench.warmup.pause", 0)); // lets the JIT catch up, as between real bursts
                if (Boolean.getBoolean("bench.verbose")) {
                    System.out.printf("warm-up burst %d: %.0f presses/s, %.2f ms CPU per press, of which JIT %.2f ms;"
                            + " classes loaded %d, compiled methods' time %d ms%n",
                            w + 1, warmBurst.perSecond(), report.cpuMillisPer(PRESSES),
                            report.groups().get(CpuMeter.JIT) / 1e6 / PRESSES,
                            java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                            java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
                }
            }
            PressingFamilies.Burst burst = null;
            var serverBefore = pressing.school.discord.statistics();
            CpuMeter burstCpu = CpuMeter.start();
            try (Profiling profiling = Profiling.phase("button burst")) {
                for (int r = 0; r < repeat; r++) {
                    burst = pressing.burst(PRESSES, PARENTS);
                }
            }
            CpuMeter.Report burstReport = burstCpu.stop();
            var serverAfter = pressing.school.discord.statistics();
            String threads = CpuMeter.threadCounts();
            Latencies latencies = burst.latencies();

            System.out.printf("ClassBridge button burst: %d presses from %d parents, real JDA + local Discord + SQLite%n",
                    PRESSES, PARENTS);
            System.out.printf("one press at a time (100, after 100 to warm up): %s%n", single.summary());
            System.out.print(singleReport.table(100, "press"));
            System.out.println();
            System.out.printf("burst acknowledgement latency: %s%n", latencies.summary());
            System.out.printf("throughput: %.0f presses/s (burst of %d in %.2f s)%n",
                    burst.perSecond(), PRESSES, burst.nanos() / 1e9);
            System.out.printf("within Discord's 3 s: %d of %d%n", latencies.within(Duration.ofSeconds(3)), PRESSES);
            System.out.printf("each parent's presses in order: %s%n", pressing.orderCheck(burst));
            System.out.print(burstReport.table(PRESSES * repeat, "press"));
            System.out.printf("local server: %d requests, %d new connections during the bursts; threads now: %s%n",
                    serverAfter.requests() - serverBefore.requests(),
                    serverAfter.connectionsOpened() - serverBefore.connectionsOpened(), threads);
            System.out.println();
        }
    }
}
