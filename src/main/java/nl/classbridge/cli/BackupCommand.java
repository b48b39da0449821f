package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.store.Backups;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code classbridge backup PATH [--force]}: an online copy of the database, also while the bot runs. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Copy the database to PATH (owner-only), also while the bot runs.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The new backup file.")
    Path target;

    @Option(names = "--force", description = "Replace PATH when it exists.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> found = root.databasePath(err);
        if (found.isEmpty()) {
            return ExitCode.CONFIG;
        }
        Path database = found.get();
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
