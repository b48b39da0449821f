package nl.classbridge.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.classbridge.testing.Eventually;

/**
 * Another process that holds the bot's database with {@code BEGIN EXCLUSIVE}, as an administrator's
 * {@code sqlite3} shell or a maintenance script would: it takes the lock, says {@code locked}, and
 * holds it until it reads a line on its standard input, then rolls back and ends.
 *
 * <p>{@link #main} is that process (plain JDBC, no ClassBridge code); {@link #lock} starts it
 * with the test classpath from a test.
 */
public final class LockingProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private LockingProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(line -> output.append(line).append('\n'));
                    } catch (IOException | java.io.UncheckedIOException ended) {
                        // the process ended
                    }
                },
                "locking-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the process on {@code database} and returns once it holds the lock. */
    public static LockingProcess lock(Path database) throws IOException {
        String javaCommand =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath =
                String.join(java.io.File.pathSeparator, codeOf(LockingProcess.class), codeOf(org.sqlite.JDBC.class));
        Process process = new ProcessBuilder(
                        List.of(javaCommand, "-cp", classpath, LockingProcess.class.getName(), database.toString()))
                .redirectErrorStream(true)
                .start();
        LockingProcess locking = new LockingProcess(process);
        Eventually.await("the other process to hold the database", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the locking process ended: " + locking.output);
            }
            return locking.output.toString().contains("locked");
        });
        return locking;
    }

    /** Lets go of the lock and waits for the process to end. */
    public void release() throws IOException, InterruptedException {
        try (Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            input.write("release\n");
        }
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the locking process did not end well: " + output);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The other process: {@code LockingProcess <database file>}. */
    public static void main(String[] args) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("BEGIN EXCLUSIVE");
            // Write something, as a real maintenance job would: the bot must not see it half done.
            statement.execute("UPDATE school_class SET name = name");
            System.out.println("locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            statement.execute("ROLLBACK");
            System.out.println("released");
        }
    }
}
