package nl.classbridge.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.sqlite.SQLiteDataSource;

/**
 * The schema migrations of this release (Flyway, {@code db/migration}), and upgrading safely: an
 * existing database with pending migrations is backed up into {@code backups/} first, and put back
 * from that backup when a migration fails, so a failed upgrade leaves it as it was.
 */
public final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    /** One migration: its version and what it does. */
    public record Migration(int version, String description) {}

    private Migrations() {}

    /** The newest schema version this release knows. */
    public static int latest() {
        SQLiteDataSource memory = new SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");
        List<Migration> all = list(flyway(memory).info().all());
        return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
    }

    /** What opening {@code database} would apply; every migration for a file that does not exist yet. */
    public static List<Migration> pending(Path database) {
        if (!Files.isRegularFile(database)) {
            SQLiteDataSource memory = new SQLiteDataSource();
            memory.setUrl("jdbc:sqlite::memory:");
            return list(flyway(memory).info().all());
        }
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
        dataSource.setReadOnly(true);
        return list(flyway(dataSource).info().pending());
    }

    /**
     * Brings {@code database} up to date; backs it up first when it already has a schema and
     * migrations are pending. Returns the automatic backup, if one was taken.
     */
    static Optional<Path> migrate(DataSource dataSource, Path database, Instant now) {
        return migrate(dataSource, database, now, LOCATION);
    }

    /** The same with other migration folders: for tests that make an upgrade fail. */
    static Optional<Path> migrate(DataSource dataSource, Path database, Instant now, String... locations) {
        Flyway flyway = flyway(dataSource, locations);
        MigrationInfoService info = flyway.info();
        if (info.pending().length == 0) {
            return Optional.empty();
        }
        if (info.current() == null) {
            flyway.migrate(); // a new, empty database: nothing to keep
            return Optional.empty();
        }
        String from = info.current().getVersion().getVersion();
        Path backup = Backups.beforeUpgrade(database, from, now);
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            // SQLite rolls back the failing migration, but the ones before it in this run stay:
            // put the whole file back as it was before the upgrade.
            Backups.putBack(backup, database);
            throw new StoreException(
                    "upgrading the database from V" + from + " failed ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + "); it was put back as it was. To roll back, run the previous release on it;"
                            + " the copy from before the upgrade is " + backup
                            + " (java -jar classbridge.jar restore " + backup + ")",
                    e);
        }
        return Optional.of(backup);
    }

    static Flyway flyway(DataSource dataSource, String... locations) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.length == 0 ? new String[] {LOCATION} : locations)
                .failOnMissingLocations(true)
                .load();
    }

    private static List<Migration> list(MigrationInfo[] infos) {
        return Arrays.stream(infos)
                .filter(info -> info.getVersion() != null)
                .map(info -> new Migration(Integer.parseInt(info.getVersion().getVersion()), info.getDescription()))
                .toList();
    }
}
