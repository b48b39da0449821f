package nl.classbridge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Puts a backup in the database's place: only while no bot has the database open ({@link BotLock}),
 * only a file that passes SQLite's integrity check and whose schema this release knows, and the
 * replaced database (with its WAL and shared-memory files) is kept aside, owner-only.
 */
public final class Restore {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Why a restore was refused, in one line for the person at the console. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** What was done: the schema version restored and where the replaced database now is. */
    public record Done(int version, Optional<Path> replacedKeptAt) {}

    private Restore() {}

    /** Restores {@code backup} into {@code database}. */
    public static Done restore(Path backup, Path database, Instant now) throws Refused {
        int version = check(backup);
        Optional<BotLock> lock = BotLock.tryTake(database);
        if (lock.isEmpty()) {
            throw new Refused("the bot is running on " + database + ": stop it first, then restore");
        }
        try (BotLock held = lock.get()) {
            Optional<Path> aside = Optional.empty();
            if (Files.exists(database)) {
                Path keptAt = database.resolveSibling(database.getFileName() + ".replaced-" + STAMP.format(now));
                moveAside(database, keptAt);
                moveAside(
                        database.resolveSibling(database.getFileName() + "-wal"),
                        keptAt.resolveSibling(keptAt.getFileName() + "-wal"));
                moveAside(
                        database.resolveSibling(database.getFileName() + "-shm"),
                        keptAt.resolveSibling(keptAt.getFileName() + "-shm"));
                aside = Optional.of(keptAt);
            }
            Backups.createPrivately(database);
            Files.copy(backup, database, StandardCopyOption.REPLACE_EXISTING);
            Backups.makePrivate(database);
            return new Done(version, aside);
        } catch (IOException e) {
            throw new StoreException("cannot restore " + backup + ": " + e.getMessage(), e);
        }
    }

    /** The schema version of {@code backup} once it passed the checks; refused with the reason. */
    public static int check(Path backup) throws Refused {
        if (!Files.isRegularFile(backup)) {
            throw new Refused("there is no file at " + backup);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + backup.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = result.next() ? result.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new Refused(backup + " is damaged (integrity check: "
                            + verdict.lines().findFirst().orElse("") + ")");
                }
            }
            int version;
            try (ResultSet result = statement.executeQuery(
                    "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
                version = result.next() ? result.getInt(1) : 0;
            } catch (SQLException noHistory) {
                throw new Refused(backup + " is not a ClassBridge database (it has no migration history)");
            }
            int latest = Migrations.latest();
            if (version > latest) {
                throw new Refused(backup + " was made by a newer release (schema V" + version
                        + "); this release knows up to V" + latest + ": restore it with that release or a newer one");
            }
            return version;
        } catch (SQLException e) {
            throw new Refused(backup + " is damaged or not a database (" + e.getMessage() + ")");
        }
    }

    private static void moveAside(Path file, Path target) throws IOException {
        if (Files.exists(file)) {
            Files.move(file, target);
            Backups.makePrivate(target);
        }
    }
}
