package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.store.Backups;
import nl.classbridge.store.Database;
import nl.classbridge.store.Migrations;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code classbridge migrate [--dry-run]}: lists the pending schema migrations, or applies them
 * the way the bot does at start (with the automatic backup first).
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply pending database migrations (after an automatic backup), or list them with --dry-run.")
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Only list the pending migrations; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> found = root.databasePath(err);
        if (found.isEmpty()) {
            return ExitCode.CONFIG;
        }
        Path database = found.get();
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
