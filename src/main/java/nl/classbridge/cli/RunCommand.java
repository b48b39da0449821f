package nl.classbridge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.ClassBridge;
import nl.classbridge.config.Settings;
import nl.classbridge.messages.CatalogueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code classbridge run}: the long-running bot. Stops cleanly on Ctrl-C or SIGTERM. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the bot until stopped (the default command).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Settings> loaded = root.loadSettings(err);
        if (loaded.isEmpty()) {
            return ExitCode.CONFIG;
        }
        Settings settings = loaded.get();
        if (settings.discord().token().isEmpty()) {
            err.println(MissingToken.EXPLANATION);
            err.flush();
            return ExitCode.CONFIG;
        }
        ClassBridge bot;
        try {
            bot = ClassBridge.start(settings, Clock.systemUTC());
        } catch (CatalogueException | InterruptedException | RuntimeException e) {
            return StartFailure.report(e, "database.path", err);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "classbridge-shutdown"));
        bot.awaitStop();
        return ExitCode.OK;
    }
}
