package nl.classbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import nl.classbridge.store.Backups;
import nl.classbridge.store.Restore;
import org.flywaydb.core.Flyway;

/**
 * A benchmark, not a test: how long an operator waits for {@code classbridge restore PATH} (bot
 * stopped) and for the automatic backup the bot takes at start-up before migrating, on a database of
 * {@code bench.megabytes} (20) MB. The database is made as the previous release left it (migrated up
 * to V11), then filled with sent class updates in the outbox (a 1 KB text each), the bulk of a
 * school's file after a year. Measured, in this order:
 *
 * <ol>
 *   <li>{@link Backups#copy} of the file (SQLite's backup API, what the automatic backup and
 *       {@code classbridge backup} do), best of 3, in this JVM;
 *   <li>{@code java -jar target/classbridge.jar migrate --dry-run} (the JVM's start and the
 *       configuration, nothing written), then {@code migrate}: the automatic backup into
 *       {@code backups/} and the pending migrations, as at the bot's start-up after an upgrade;
 *   <li>{@code java -jar target/classbridge.jar restore PATH} of a backup of the upgraded file, and
 *       {@link Restore#restore} in this JVM (best of 3): the integrity check, the old file moved
 *       aside, the copy.
 * </ol>
 *
 * <p>{@code mvn -B -DskipTests package && mvn -B -q -Pbench test-compile exec:java
 * -Dbench.main=nl.classbridge.cli.RestoreBenchmark}
 */
public final class RestoreBenchmark {
    private static final Duration PATIENCE = Duration.ofSeconds(300);

    private RestoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        long megabytes = Long.getLong("bench.megabytes", 20);
        Path folder = Files.createTempDirectory("classbridge-restore");
        Path data = Files.createDirectories(folder.resolve("data"));
        Path database = data.resolve("classbridge.db");
        previousRelease(database, megabytes * 1_000_000);
        System.out.printf(
                Locale.ROOT,
                "a V11 database of %.1f MB (%s), %d cores, %s%n",
                Files.size(database) / 1e6,
                database,
                Runtime.getRuntime().availableProcessors(),
                MemoryBenchmark.load());

        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Path copy = folder.resolve("copy-" + i + ".db");
            long start = System.nanoTime();
            Backups.copy(database, copy);
            best = Math.min(best, System.nanoTime() - start);
            Files.delete(copy);
        }
        System.out.printf(Locale.ROOT, "Backups.copy (the automatic backup's copy): %.0f ms (best of 3)%n", best / 1e6);

        Map<String, String> env = Map.of("CLASSBRIDGE_DATABASE_PATH", database.toString());
        timed("java -jar classbridge.jar migrate --dry-run (JVM start, nothing written)", env, "migrate", "--dry-run");
        timed("java -jar classbridge.jar migrate (automatic backup + V12)", env, "migrate");
        System.out.printf("backups/: %s%n", Backups.automatic(Backups.folderOf(database)));

        Path backup = folder.resolve("backup.db");
        Backups.copy(database, backup);
        timed("java -jar classbridge.jar restore PATH (bot stopped)", env, "restore", backup.toString());
        best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Restore.restore(backup, database, Instant.now().plusSeconds(i + 1));
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(
                Locale.ROOT,
                "Restore.restore in this JVM: %.0f ms (best of 3); %s%n",
                best / 1e6,
                MemoryBenchmark.load());
        System.exit(0);
    }

    /** Runs the packaged jar with {@code args}, prints its wall time and its last output line. */
    private static void timed(String what, Map<String, String> env, String... args) throws Exception {
        long start = System.nanoTime();
        int exit;
        String output;
        try (JarProcess jar = JarProcess.start(env, args)) {
            exit = jar.awaitExit(PATIENCE);
            output = jar.output();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        System.out.printf(Locale.ROOT, "%s: %.2f s, exit %d (%s)%n", what, seconds, exit, last);
        if (exit != 0) {
            System.out.println(output);
        }
    }

    /** Migrated up to V11 as the previous release left it, then filled to about {@code bytes}. */
    private static void previousRelease(Path database, long bytes) throws Exception {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + database, null, null)
                .locations("classpath:db/migration")
                .target("11")
                .load()
                .migrate();
        String text = "Deze week in groep 5: we hebben geoefend met breuken, de kinderen maakten een "
                .repeat(13)
                .substring(0, 1_000);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO school_class (name, guild_id, channel_id, language, timezone,"
                    + " teacher_user_id, created_at, teacher_name) VALUES ('Groep 5', 11, 12, 'nl',"
                    + " 'Europe/Amsterdam', 13, 1000, 'Juf Anna')");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO delivery (dedupe_key, class_id, channel, kind, payload, status, attempts,"
                            + " next_attempt_at, created_at, sent_at) VALUES (?, 1, 'discord-channel',"
                            + " 'class-update', ?, 'sent', 1, ?, ?, ?)")) {
                // About 1.45 KB a row with its indexes.
                long rows = bytes / 1_450;
                for (long i = 0; i < rows; i++) {
                    insert.setString(1, "update:" + i);
                    insert.setString(2, "{\"text\":\"" + text + " " + i + "\"}");
                    insert.setLong(3, 1_700_000_000_000L + i);
                    insert.setLong(4, 1_700_000_000_000L + i);
                    insert.setLong(5, 1_700_000_000_000L + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }
}
