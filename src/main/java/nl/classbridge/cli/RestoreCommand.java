package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import nl.classbridge.store.Restore;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code classbridge restore PATH}: puts a checked backup in the database's place, with the bot stopped. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Replace the database with the backup at PATH (the bot must be stopped; the old file is kept).")
final class RestoreCommand extends DatabaseCommand {

    @Parameters(paramLabel = "PATH", description = "The backup file to restore.")
    Path backup;

    @Override
    int run(Path database, PrintWriter out, PrintWriter err) {
        try {
            Restore.Done done = Restore.restore(backup.toAbsolutePath(), database, Instant.now());
            out.println(
                    "Restored " + backup.toAbsolutePath() + " (schema V" + done.version() + ") to " + database + ".");
            done.replacedKeptAt().ifPresent(kept -> out.println("The replaced database is kept at " + kept + "."));
            out.println("Start the bot again; it applies any newer migrations (with a backup first).");
            return ExitCode.OK;
        } catch (Restore.Refused e) {
            err.println("Not restored: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (StoreException e) {
            err.println("database.path: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
