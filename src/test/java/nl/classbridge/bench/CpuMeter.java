package nl.classbridge.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's time goes during a phase, by who spends it: CPU time per thread, summed per
 * group of threads (the local Discord server, the bot's JDA and its own threads, the benchmark's
 * driver, the JVM's garbage collector and compilers), against the whole process's CPU time. On
 * Linux every thread is read from {@code /proc/self/task} (the JVM's own threads included, to the
 * nanosecond from {@code schedstat}); elsewhere only Java threads are seen and the rest counts as
 * the JVM's. Threads that ended during the phase are counted in "ended".
 *
 * <p>Bot and local server share one JVM, so this is how the bot's own cost is told apart from the
 * local server's.
 */
public final class CpuMeter {
    public static final String SERVER = "local Discord server (Jetty threads: HTTP, websocket, handlers)";
    public static final String DRIVER = "benchmark driver (people pressing: interactions built and sent)";
    public static final String JDA = "bot: JDA (gateway, requester, rate limiter, callbacks)";
    public static final String OKHTTP = "bot: OkHttp";
    public static final String BOT = "bot: ClassBridge threads (event stripes, outbox, scheduler)";
    public static final String GC = "JVM: garbage collector";
    public static final String JIT = "JVM: JIT compilers";
    public static final String OTHER = "other threads, and threads that ended";
    private static final String[] ORDER = {SERVER, DRIVER, JDA, OKHTTP, BOT, GC, JIT, OTHER};

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> atStart;
    private final long processCpuAtStart;
    private final long gcMillisAtStart;
    private final long wallAtStart = System.nanoTime();

    private CpuMeter() {
        atStart = threadTimes();
        processCpuAtStart = processCpuNanos();
        gcMillisAtStart = gcMillis();
    }

    public static CpuMeter start() {
        return new CpuMeter();
    }

    /** The CPU time spent since {@link #start()}, per group. */
    public Report stop() {
        long wall = System.nanoTime() - wallAtStart;
        Map<String, Long> now = threadTimes();
        long process = processCpuNanos() - processCpuAtStart;
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String group : ORDER) {
            groups.put(group, 0L);
        }
        long counted = 0;
        for (Map.Entry<String, Long> thread : now.entrySet()) {
            long spent = thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
            String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1);
            groups.merge(group(name), spent, Long::sum);
            counted += spent;
        }
        groups.merge(OTHER, Math.max(0, process - counted), Long::sum);
        return new Report(wall, process, gcMillis() - gcMillisAtStart, groups);
    }

    /** How many threads each group has now, e.g. "12 bot: JDA; 5 bot: ClassBridge threads". */
    public static String threadCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : threadTimes().keySet()) {
            String group = group(name.substring(name.indexOf(' ') + 1));
            int bracket = group.indexOf(" (");
            counts.merge(bracket < 0 ? group : group.substring(0, bracket), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((group, count) -> out.append(out.length() == 0 ? "" : "; ")
                .append(count)
                .append(' ')
                .append(group));
        return out.toString();
    }

    /** CPU nanoseconds per thread, keyed "id name". */
    private static Map<String, Long> threadTimes() {
        Map<String, Long> times = new LinkedHashMap<>();
        if (Files.isDirectory(TASKS)) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path task : tasks) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        String schedstat =
                                Files.readString(task.resolve("schedstat")).strip();
                        times.put(
                                task.getFileName() + " " + name,
                                Long.parseLong(schedstat.split(" ")[0]));
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended while we looked
                    }
                }
                return times;
            } catch (IOException e) {
                times.clear();
            }
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    times.put(info.getThreadId() + " " + info.getThreadName(), cpu);
                }
            }
        }
        return times;
    }

    /** The group of a thread, by its name (Linux keeps the first 15 characters). */
    static String group(String thread) {
        if (thread.startsWith("JettyServerThr") || thread.startsWith("qtp") || thread.startsWith("Scheduler-")) {
            return SERVER;
        }
        if (thread.equals("java") || thread.equals("main") || thread.startsWith("bench")) {
            return DRIVER;
        }
        if (thread.startsWith("JDA") || thread.startsWith("ForkJoinPool.co")) {
            return JDA;
        }
        if (thread.startsWith("OkHttp") || thread.startsWith("Okio")) {
            return OKHTTP;
        }
        if (thread.startsWith("classbridge")) {
            return BOT;
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
            return GC;
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler") || thread.startsWith("Sweeper")) {
            return JIT;
        }
        return OTHER;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** CPU time of a phase: the whole process's and per group, with the phase's wall time. */
    public record Report(long wallNanos, long processCpuNanos, long gcPauseMillis, Map<String, Long> groups) {
        /** Machine time per unit of work, in milliseconds of CPU. */
        public double cpuMillisPer(int units) {
            return processCpuNanos / 1e6 / units;
        }

        /** The bot's own threads (JDA, OkHttp, ClassBridge's). */
        public long bot() {
            return groups.get(JDA) + groups.get(OKHTTP) + groups.get(BOT);
        }

        /** The local Discord server's threads and the driver acting as people through it. */
        public long localServer() {
            return groups.get(SERVER) + groups.get(DRIVER);
        }

        /** The table, per unit of work ({@code unit} names it, e.g. "press"). */
        public String table(int units, String unit) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "CPU: %.2f s in %.2f s (%.0f%% of one core), %.2f ms per %s; GC pauses %d ms%n",
                    processCpuNanos / 1e9,
                    wallNanos / 1e9,
                    100.0 * processCpuNanos / wallNanos,
                    cpuMillisPer(units),
                    unit,
                    gcPauseMillis));
            for (Map.Entry<String, Long> group : groups.entrySet()) {
                if (group.getValue() == 0) {
                    continue;
                }
                out.append(String.format(
                        Locale.ROOT,
                        "  %5.1f%%  %6.3f ms per %s  %s%n",
                        100.0 * group.getValue() / Math.max(1, processCpuNanos),
                        group.getValue() / 1e6 / units,
                        unit,
                        group.getKey()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  the bot's own threads %.3f ms per %s; the local server and the driver %.3f ms per %s%n",
                    bot() / 1e6 / units,
                    unit,
                    localServer() / 1e6 / units,
                    unit));
            return out.toString();
        }
    }
}
