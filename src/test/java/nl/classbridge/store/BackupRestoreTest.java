package nl.classbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.LogCapture;
import nl.classbridge.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Backups, restores and upgrades on real SQLite files. */
@Timeout(180)
class BackupRestoreTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN a thread that keeps adding children WHEN a backup is taken THEN it passes the integrity check,"
            + " holds every child committed before it began, and is owner-only")
    void backupWhileWriting() throws Exception {
        Path target = folder.resolve("copy.db");
        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        try (TestStore store = new TestStore(folder)) {
            SchoolClass groep5 = store.aClass();
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    committed.add(store.aStudent(groep5, "Kind " + i).id());
                }
            });
            writer.start();
            Eventually.await("200 children", Duration.ofSeconds(60), () -> committed.size() >= 200);
            List<Long> before = List.copyOf(committed);
            long bytes = Backups.copy(store.database.file(), target);
            writing.set(false);
            writer.join();

            assertThat(bytes).isEqualTo(Files.size(target)).isPositive();
            assertThat(committed.size()).as("the writer kept writing").isGreaterThan(before.size());
        }
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(integrity(target)).isEqualTo("ok");
        List<Long> copied = ids(target);
        assertThat(copied).containsAll(committed.subList(0, 200));
    }

    @Test
    @DisplayName("a backup onto an existing file is refused")
    void backupRefusesExisting() throws Exception {
        Path target = Files.writeString(folder.resolve("there.db"), "keep me");
        try (TestStore store = new TestStore(folder)) {
            assertThatThrownBy(() -> Backups.copy(store.database.file(), target))
                    .isInstanceOf(StoreException.class);
        }
        assertThat(Files.readString(target)).isEqualTo("keep me");
    }

    @Test
    @DisplayName("GIVEN the bot's Database is open, here or in another process, WHEN restoring THEN it is refused"
            + " and the database is untouched")
    void restoreRefusedWhileOpen() throws Exception {
        Path database = folder.resolve("data/classbridge.db");
        Path backup = folder.resolve("backup.db");
        try (Database open = Database.open(database)) {
            Backups.copy(database, backup);
            assertThatThrownBy(() -> Restore.restore(backup, database, Instant.now()))
                    .isInstanceOf(Restore.Refused.class)
                    .hasMessageContaining("the bot is running");
        }
        try (OpenDatabaseProcess other = OpenDatabaseProcess.open(database)) {
            assertThatThrownBy(() -> Restore.restore(backup, database, Instant.now()))
                    .isInstanceOf(Restore.Refused.class)
                    .hasMessageContaining("the bot is running");
        }
        try (Stream<Path> files = Files.list(database.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("replaced"));
        }
    }

    @Test
    @DisplayName("GIVEN a bot has the database open in another process WHEN a second one opens it THEN its log warns,"
            + " naming the file and `classbridge status`; alone or opened twice in one process it does not")
    void secondProcessIsWarned() throws Exception {
        Path database = folder.resolve("data/classbridge.db");
        try (Database first = Database.open(database)) {
            // made and migrated
        }
        try (OpenDatabaseProcess other = OpenDatabaseProcess.open(database);
                LogCapture log = new LogCapture(Level.WARN);
                Database second = Database.open(database)) {
            assertThat(log.lines())
                    .anySatisfy(line -> assertThat(line)
                            .contains(
                                    "WARN",
                                    "Another process",
                                    database.toAbsolutePath().toString(),
                                    "classbridge status"));
        }
        try (LogCapture log = new LogCapture(Level.WARN);
                Database alone = Database.open(database);
                Database lookingHere = Database.open(database)) {
            // Alone, or opened twice in this process (a tool, a test): no warning.
            assertThat(log.lines()).noneMatch(line -> line.contains("Another process"));
        }
    }

    @Test
    @DisplayName("GIVEN the bot stopped WHEN a backup is restored THEN its data is back and the replaced database"
            + " (with its WAL) is kept aside, owner-only")
    void restoreKeepsTheOldFileAside() throws Exception {
        Path database = folder.resolve("classbridge.db");
        Path backup = folder.resolve("backup.db");
        try (TestStore store = new TestStore(folder)) {
            SchoolClass groep5 = store.aClass();
            store.aStudent(groep5, "Sam");
            Backups.copy(database, backup);
            store.aStudent(groep5, "Noor");
        }
        Restore.Done done = Restore.restore(backup, database, Instant.parse("2026-12-06T19:00:00Z"));

        assertThat(done.version()).isEqualTo(Migrations.latest());
        Path aside = folder.resolve("classbridge.db.replaced-20261206T190000Z");
        assertThat(done.replacedKeptAt()).contains(aside);
        assertThat(Files.getPosixFilePermissions(aside)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(database)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(names(database)).containsExactly("Sam");
        assertThat(names(aside)).containsExactlyInAnyOrder("Sam", "Noor");
        try (TestStore reopened = new TestStore(folder)) {
            assertThat(reopened.students.inClass(1)).extracting(s -> s.name()).containsExactly("Sam");
        }
    }

    @Test
    @DisplayName("a damaged file, a file that is no database and one from a newer release are refused with the reason")
    void restoreRefusesBadFiles() throws Exception {
        Path database = folder.resolve("classbridge.db");
        try (TestStore store = new TestStore(folder)) {
            store.aClass();
        }
        Path garbage = Files.writeString(folder.resolve("garbage.db"), "this is no database at all ".repeat(200));
        assertThatThrownBy(() -> Restore.restore(garbage, database, Instant.now()))
                .isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("damaged or not a database");

        Path damaged = folder.resolve("damaged.db");
        Backups.copy(database, damaged);
        byte[] bytes = Files.readAllBytes(damaged);
        for (int i = 4096 + 100; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0x5A; // scribble over every page after the first: the schema still reads
        }
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> Restore.restore(damaged, database, Instant.now()))
                .isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("damaged");

        Path newer = folder.resolve("newer.db");
        Backups.copy(database, newer);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql',"
                    + " 'x', 1, 1)");
        }
        assertThatThrownBy(() -> Restore.restore(newer, database, Instant.now()))
                .isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("newer release", "V99", "V" + Migrations.latest());

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("replaced"));
        }
    }

    @Test
    @DisplayName("GIVEN a database made by the previous release (V12) WHEN this release opens it THEN a backup at V12"
            + " with its rows is in backups/, owner-only, and of many upgrades only the last 5 are kept")
    void upgradeTakesABackupFirst() throws Exception {
        Path database = folder.resolve("data/classbridge.db");
        Files.createDirectories(database.getParent());
        Path backups = folder.resolve("data/backups");
        for (int round = 1; round <= 7; round++) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(database.resolveSibling("classbridge.db" + suffix));
            }
            previousRelease(database, "Groep " + round);
            try (Database upgraded = Database.open(database)) {
                // opening upgrades
            }
            assertThat(version(database)).isEqualTo(Migrations.latest());
            List<Path> kept = Backups.automatic(backups);
            assertThat(kept).hasSize(Math.min(round, Backups.KEPT));
            Path newest = kept.get(kept.size() - 1);
            assertThat(newest.getFileName().toString()).startsWith("classbridge-V12-");
            assertThat(version(newest)).isEqualTo(PREVIOUS_RELEASE);
            assertThat(integrity(newest)).isEqualTo("ok");
            assertThat(Files.getPosixFilePermissions(newest)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(classNames(newest)).containsExactly("Groep " + round);
        }
        assertThat(Files.getPosixFilePermissions(backups)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Backups.automatic(backups))
                .extracting(file -> classNames(file).get(0))
                .containsExactly("Groep 3", "Groep 4", "Groep 5", "Groep 6", "Groep 7");
    }

    @Test
    @DisplayName("GIVEN a V12 database WHEN an upgrade fails at its last migration THEN the file is as it was (V12,"
            + " its rows) and the error names the backup and the restore command")
    void failedUpgradeLeavesTheDatabaseAsItWas() throws Exception {
        Path database = folder.resolve("data/classbridge.db");
        Files.createDirectories(database.getParent());
        previousRelease(database, "Groep 5");
        org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + database);

        assertThatThrownBy(() -> Migrations.migrate(
                        dataSource, database, Instant.now(), "classpath:db/migration", "classpath:db/broken"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("from V12 failed", "put back as it was", "classbridge.jar restore")
                .hasMessageContaining(
                        Backups.automatic(folder.resolve("data/backups")).get(0).toString());

        assertThat(version(database)).isEqualTo(PREVIOUS_RELEASE);
        assertThat(classNames(database)).containsExactly("Groep 5");
        assertThat(integrity(database)).isEqualTo("ok");
    }

    @Test
    @DisplayName("a new, empty database and an up-to-date one are opened without a backup")
    void noBackupWithoutAnUpgrade() {
        Path database = folder.resolve("data/classbridge.db");
        try (Database fresh = Database.open(database)) {
            // created at the latest version
        }
        try (Database again = Database.open(database)) {
            // nothing pending
        }
        assertThat(folder.resolve("data/backups")).doesNotExist();
    }

    @Test
    @DisplayName("pending lists exactly the migrations after V12 of a previous release's database, and changes nothing")
    void pendingAfterThePreviousRelease() throws Exception {
        Path database = folder.resolve("classbridge.db");
        previousRelease(database, "Groep 5");
        byte[] before = Files.readAllBytes(database);
        assertThat(Migrations.pending(database))
                .extracting(Migrations.Migration::version)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(PREVIOUS_RELEASE + 1, Migrations.latest())
                                .boxed()
                                .toList());
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        assertThat(version(database)).isEqualTo(PREVIOUS_RELEASE);
    }

    /** The newest migration of the release before this one (issue 13's). */
    static final int PREVIOUS_RELEASE = 12;

    /** A database as the previous release left it: migrated up to its last migration, with one class. */
    static void previousRelease(Path database, String className) throws SQLException {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + database, null, null)
                .locations("classpath:db/migration")
                .target(String.valueOf(PREVIOUS_RELEASE))
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO school_class (name, guild_id, channel_id, language, timezone,"
                    + " teacher_user_id, created_at, teacher_name) VALUES ('" + className
                    + "', 11, 12, 'nl', 'Europe/Amsterdam', 13, 1000, 'Juf Anna')");
        }
    }

    private static String integrity(Path file) throws SQLException {
        return single(file, "PRAGMA integrity_check").get(0);
    }

    private static int version(Path file) throws SQLException {
        return Integer.parseInt(single(file, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")
                .get(0));
    }

    private static List<String> names(Path file) throws SQLException {
        return single(file, "SELECT name FROM student ORDER BY id");
    }

    private static List<String> classNames(Path file) {
        try {
            return single(file, "SELECT name FROM school_class ORDER BY id");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> ids(Path file) throws SQLException {
        return single(file, "SELECT id FROM student").stream()
                .map(Long::valueOf)
                .toList();
    }

    private static List<String> single(Path file, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
