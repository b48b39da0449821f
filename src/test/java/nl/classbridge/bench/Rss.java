package nl.classbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory, from {@code /proc/self/status} (Linux). */
public final class Rss {
    private Rss() {}

    /** VmRSS in MiB, or -1 where /proc is not there. */
    public static long mebibytes() {
        return field("VmRSS:");
    }

    /** VmHWM (the peak resident memory so far) in MiB, or -1. */
    public static long peakMebibytes() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length())
                                    .replace("kB", "")
                                    .strip())
                            / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use after a full collection, in MiB: what the program holds, not what it has not swept yet. */
    public static long liveHeapMebibytes() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
