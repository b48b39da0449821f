package nl.classbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.classbridge.testing.Eventually;

/**
 * The packaged jar in a JVM of its own, started as the README says ({@code java -jar
 * target/classbridge.jar ...}) with only the environment the test gives it. Its output (standard
 * output and the log on standard error) is read on a thread of its own, so the process never blocks
 * on a full pipe, and kept for the test to wait on and to check.
 */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/classbridge.jar");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private JarProcess(Process process) {
        this.process = process;
        this.reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(line -> output.append(line).append('\n'));
                    } catch (IOException | UncheckedIOException closed) {
                        // The process was killed while its output was read: what was read is kept.
                    }
                },
                "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -jar target/classbridge.jar args...}. The test's own {@code CLASSBRIDGE_*}
     * and {@code DISCORD_TOKEN} variables are removed first: only {@code env} counts.
     */
    static JarProcess start(Map<String, String> env, String... args) throws IOException {
        return start(List.of(), env, args);
    }

    /**
     * As {@link #start(Map, String...)}, with {@code jvmFlags} between {@code java} and {@code -jar}
     * (the memory benchmark runs the jar with the documented service's flags).
     */
    static JarProcess start(List<String> jvmFlags, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CLASSBRIDGE_") || key.equals("DISCORD_TOKEN"));
        builder.environment().putAll(env);
        return new JarProcess(builder.start());
    }

    /** Everything the process wrote so far. */
    String output() {
        return output.toString();
    }

    /** Waits until the output contains {@code text} {@code times} times (a second start, a second stop). */
    void awaitOutput(String text, int times, Duration timeout) {
        Eventually.await("'" + text + "' " + times + "x in the jar's output", timeout, () -> {
            if (count(text) >= times) {
                return true;
            }
            if (!process.isAlive()) {
                drained();
                if (count(text) < times) {
                    throw new AssertionError("the jar ended (exit " + process.exitValue() + ") before writing '" + text
                            + "':\n" + output());
                }
            }
            return count(text) >= times;
        });
    }

    void awaitOutput(String text, Duration timeout) {
        awaitOutput(text, 1, timeout);
    }

    private int count(String text) {
        String all = output();
        int n = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    /*
     * The signals go through the ProcessHandle: Process.destroy() also closes this side's end of the
     * output pipe, and then whatever the bot logs while stopping is lost (its writes fail).
     */

    /** SIGKILL, as a power cut or the kernel's OOM killer would: nothing of the bot runs after it. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the jar did not die within 30 s of SIGKILL");
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it; does not wait. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the jar did not end within " + timeout.toSeconds() + " s:\n" + output());
        }
        drained();
        return process.exitValue();
    }

    /** The process has ended: waits until its last output is read. */
    private void drained() {
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating system's id of the bot's JVM (for /proc/PID/status). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
