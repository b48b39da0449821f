package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import nl.classbridge.store.Backups;
import nl.classbridge.store.Database;
import nl.classbridge.store.Migrations;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classbridge migrate [--dry-run]}: lists the pending schema migrations, or applies them
 * the way the bot does at start (with the automatic backup first).
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply pending database migrations (after an automatic backup), or list them with --dry-run.")
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--dry-run", description = "Only list the pending migrations; change nothing.")
    boolean dryRun;

    @Override
    int run(Path database, PrintWriter out, PrintWriter err) {
        try {
            List<Migrations.Migration> pending = Migrations.pending(database);
            if (pending.isEmpty()) {
                out.println(database + " is up to date (schema V" + Migrations.latest() + ").");
                return ExitCode.OK;
            }
            out.println((dryRun ? "Pending" : "Applying") + " migrations for " + database + ":");
            pending.forEach(m -> out.println("  V" + m.version() + "  " + m.description()));
            if (dryRun) {
                return ExitCode.OK;
            }
            List<Path> before = Backups.automatic(Backups.folderOf(database));
            try (Database opened = Database.open(database)) {
                // opening migrates
            }
            List<Path> after = Backups.automatic(Backups.folderOf(database));
            after.stream()
                    .filter(file -> !before.contains(file))
                    .forEach(file -> out.println("Backup from before the upgrade: " + file));
            out.println("Done: schema V" + Migrations.latest() + ".");
            return ExitCode.OK;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("database.path: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
