package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.config.ConfigException;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.EffectiveConfig;
import nl.classbridge.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classbridge [--config PATH] [run | sandbox | check-config | preview | privacy-notice | backup | restore | migrate | status]}. Without a command it runs the bot, so
 * that {@code java -jar classbridge.jar} does what a school's IT person expects.
 */
@Command(
        name = "classbridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Discord bot for warm, private parent communication in primary schools.",
        subcommands = {
            RunCommand.class,
            SandboxCommand.class,
            CheckConfigCommand.class,
            PreviewCommand.class,
            PrivacyNoticeCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            MigrateCommand.class,
            StatusCommand.class
        },
        footer = {
            "",
            "Without a command: 'run' when DISCORD_TOKEN is set, else 'sandbox'. Exit codes: 0 ok,"
                    + " 1 failed while running, 2 invalid configuration or command line."
        })
public final class ClassBridgeCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "PATH",
            defaultValue = "config/classbridge.yml",
            scope = CommandLine.ScopeType.INHERIT,
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path configPath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    ClassBridgeCommand(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /** The command line over this process's environment. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with this project's exit codes for bad usage, reading {@code env}. */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, Clock.systemUTC());
    }

    /** The same on {@code clock}, which {@code status} judges ages by (tests move it). */
    public static CommandLine commandLine(Map<String, String> env, Clock clock) {
        CommandLine commandLine = new CommandLine(new ClassBridgeCommand(env, clock));
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.FAILED);
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.CONFIG;
        });
        return commandLine;
    }

    /**
     * With a Discord token the bot runs; without one, the sandbox starts, so that the first command a
     * newcomer types shows something. {@code run} without a token keeps refusing: production never
     * falls into the sandbox by accident.
     */
    @Override
    public Integer call() throws Exception {
        Optional<Settings> settings = loadSettings(spec.commandLine().getErr());
        if (settings.isEmpty()) {
            return ExitCode.CONFIG;
        }
        String command = settings.get().discord().token().isPresent() ? "run" : "sandbox";
        return spec.subcommands().get(command).execute(); // --config was bound on this command already
    }

    /**
     * The checked configuration, with {@code logging.level} and {@code logging.format} applied; empty when it is invalid, after
     * the problem was printed to {@code err} in one line naming the key.
     */
    Optional<Settings> loadSettings(PrintWriter err) {
        try {
            Settings settings = loadSettings();
            LogLevel.apply(settings.logging().level());
            LogLevel.format(settings.logging().format());
            return Optional.of(settings);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }

    /** The database file of the checked configuration, absolute: for backup, restore and migrate. */
    Optional<Path> databasePath(PrintWriter err) {
        return loadSettings(err).map(settings -> settings.database().path().toAbsolutePath());
    }

    Clock clock() {
        return clock;
    }

    /** Loads and checks the configuration from {@code --config} and this process's environment. */
    Settings loadSettings() throws ConfigException {
        return ConfigLoader.load(configPath, env);
    }

    /** The same, with where each value came from and what is worth a warning. */
    EffectiveConfig loadEffective() throws ConfigException {
        return ConfigLoader.loadEffective(configPath, env);
    }
}
