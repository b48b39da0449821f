package nl.classbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * A JDK Flight Recording of one measured phase only (not the set-up before it), when the system
 * property {@code bench.jfr} names a file: {@code -Dbench.jfr=/tmp/burst.jfr}. Execution samples
 * every millisecond, native samples, and locks and parks that took longer than 1 ms. Read it with
 * {@code jfr print --events jdk.ExecutionSample FILE} or {@code jfr summary FILE}.
 */
public final class Profiling implements AutoCloseable {
    private final Recording recording;
    private final Path file;

    private Profiling(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** A phase that is not recorded. */
    public static Profiling none() {
        return new Profiling(null, null);
    }

    /** Starts recording if {@code bench.jfr} is set; else does nothing. */
    public static Profiling phase(String name) {
        String target = System.getProperty("bench.jfr");
        if (target == null || target.isBlank()) {
            return new Profiling(null, null);
        }
        Recording recording = new Recording();
        recording.setName(name);
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(5));
        recording
                .enable("jdk.JavaMonitorEnter")
                .withThreshold(Duration.ofMillis(1))
                .withStackTrace();
        recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.SocketRead").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.ObjectAllocationSample").withStackTrace();
        recording.enable("jdk.GarbageCollection");
        recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        recording.enable("jdk.Deoptimization").withStackTrace();
        recording.enable("jdk.ClassDefine");
        recording.enable("jdk.ClassLoad").withThreshold(Duration.ZERO).withStackTrace();
        recording.start();
        return new Profiling(recording, Path.of(target));
    }

    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        recording.stop();
        try {
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recording.close();
        }
        System.out.println("flight recording of this phase: " + file);
    }
}
