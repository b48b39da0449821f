package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nl.classbridge.health.HealthCheck;
import nl.classbridge.health.HealthReport;
import nl.classbridge.store.BotLock;
import nl.classbridge.store.Database;
import nl.classbridge.store.HealthRepository;
import nl.classbridge.store.Migrations;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;

/**
 * {@code classbridge status}: whether the bot runs and is well, read from the database beside the
 * running bot (its lock says whether it runs, its heartbeat what it last saw). Exits 0 when all is
 * well and 1 when something needs attention, so monitoring can call it.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Whether the bot runs and is well. Exit codes: 0 all well, 1 something needs attention,"
                + " 2 invalid configuration.")
final class StatusCommand extends DatabaseCommand {
    /** The first schema with the heartbeat; an older database is from before this release. */
    private static final int HEARTBEAT_SCHEMA = 13;

    @Override
    int run(Path file, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            out.println("ClassBridge: not running. There is no database at " + file + " yet: the bot has never run"
                    + " with this configuration.");
            return ExitCode.NEEDS_ATTENTION;
        }
        boolean running = BotLock.held(file);
        try (Database database = Database.openToLook(file)) {
            HealthRepository figures = new HealthRepository(database);
            int version = figures.schemaVersion();
            if (version < HEARTBEAT_SCHEMA) {
                out.println("ClassBridge: " + (running ? "an older release is running" : "not running")
                        + ". The database is at schema V" + version + "; this release brings it to V"
                        + Migrations.latest() + " when it starts (see `classbridge migrate --dry-run`).");
                return ExitCode.NEEDS_ATTENTION;
            }
            HealthReport report = new HealthCheck(figures, database.file(), root.clock())
                    .check(running, running ? figures.heartbeat() : Optional.empty());
            out.print(StatusText.of(report));
            out.flush(); // print() does not flush the way println() does, and Main exits right after
            return report.healthy() ? ExitCode.OK : ExitCode.NEEDS_ATTENTION;
        } catch (StoreException e) {
            err.println("database.path: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
