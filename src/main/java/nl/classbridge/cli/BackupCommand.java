package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import nl.classbridge.store.Backups;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code classbridge backup PATH [--force]}: an online copy of the database, also while the bot runs. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Copy the database to PATH (owner-only), also while the bot runs.")
final class BackupCommand extends DatabaseCommand {

    @Parameters(paramLabel = "PATH", description = "The new backup file.")
    Path target;

    @Option(names = "--force", description = "Replace PATH when it exists.")
    boolean force;

    @Override
    int run(Path database, PrintWriter out, PrintWriter err) {
        if (Files.exists(target) && !force) {
            err.println(target + " exists already; choose another PATH or add --force to replace it");
            return ExitCode.CONFIG;
        }
        try {
            Files.deleteIfExists(target);
            long started = System.nanoTime();
            long bytes = Backups.copy(database, target);
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.println("Backed up " + database + " to " + target.toAbsolutePath() + ": "
                    + String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0) + " (" + bytes + " bytes) in "
                    + millis + " ms.");
            return ExitCode.OK;
        } catch (StoreException | java.io.IOException e) {
            err.println("database.path: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
