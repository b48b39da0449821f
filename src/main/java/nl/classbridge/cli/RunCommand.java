package nl.classbridge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.ConfigException;
import nl.classbridge.config.Settings;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code classbridge run}: the long-running bot. Stops cleanly on Ctrl-C or SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot until stopped (the default command).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            settings = root.loadSettings();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCode.CONFIG;
        }
        LogLevel.apply(settings.logging().level());
        if (settings.discord().token().isEmpty()) {
            err.println(MissingToken.EXPLANATION);
            err.flush();
            return ExitCode.CONFIG;
        }
        ClassBridge bot;
        try {
            bot = ClassBridge.start(settings, Clock.systemUTC());
        } catch (StoreException e) {
            err.println("database.path: " + e.getMessage());
            return ExitCode.CONFIG;
        } catch (CatalogueException e) {
            err.println("texts.messages-folder: " + e.getMessage());
            return ExitCode.CONFIG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        } catch (net.dv8tion.jda.api.exceptions.InvalidTokenException e) {
            err.println("DISCORD_TOKEN: Discord refused the token; reset it under Bot > Reset Token and set it again");
            return ExitCode.CONFIG;
        } catch (RuntimeException e) {
            err.println("Could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "classbridge-shutdown"));
        bot.awaitStop();
        return ExitCode.OK;
    }
}
