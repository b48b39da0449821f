package nl.classbridge.cli;

import java.io.PrintWriter;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.store.StoreException;

/** What to say when the bot or the sandbox cannot start: the setting to look at, never personal data. */
final class StartFailure {
    private StartFailure() {}

    /** Prints one line for {@code e} and returns the exit code; {@code databaseKey} names the file's setting. */
    static int report(Exception e, String databaseKey, PrintWriter err) {
        if (e instanceof StoreException) {
            err.println(databaseKey + ": " + e.getMessage());
            return ExitCode.CONFIG;
        }
        if (e instanceof CatalogueException) {
            err.println("texts.messages-folder: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        }
        if (e instanceof net.dv8tion.jda.api.exceptions.InvalidTokenException) {
            err.println("DISCORD_TOKEN: Discord refused the token; reset it under Bot > Reset Token and set it again");
            return ExitCode.CONFIG;
        }
        err.println("Could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return ExitCode.FAILED;
    }
}
