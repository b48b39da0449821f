package nl.classbridge.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.classbridge.testing.Eventually;

/**
 * Another process that has the database open through {@link Database#open}, as the running bot
 * does, until it is destroyed: for proving that {@code restore} sees the bot across processes.
 */
final class OpenDatabaseProcess implements AutoCloseable {
    private final Process process;

    private OpenDatabaseProcess(Process process) {
        this.process = process;
    }

    /** Starts the process on {@code database} and returns once it has opened it. */
    static OpenDatabaseProcess open(Path database) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OpenDatabaseProcess.class.getName(),
                        database.toString()))
                .redirectErrorStream(true)
                .start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        Eventually.await("the other process to open the database", Duration.ofSeconds(60), () -> {
            try {
                String line = lines.readLine();
                if (line == null) {
                    throw new AssertionError("the process ended: " + seen);
                }
                seen.append(line).append('\n');
                return line.equals("open");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return new OpenDatabaseProcess(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public static void main(String[] args) throws IOException {
        try (Database database = Database.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
