package nl.classbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.classbridge.config.ConfigException;
import nl.classbridge.config.EffectiveConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code classbridge check-config}: loads the file and the environment, checks every value, and
 * prints the effective configuration with secrets masked. Exit 0 when it is valid, 2 when not.
 */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        description = "Check the configuration and print it with secrets masked.")
final class CheckConfigCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EffectiveConfig config;
        try {
            config = root.loadEffective();
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return ExitCode.CONFIG;
        }
        TextsCheck.Outcome texts = TextsCheck.of(config.settings().texts());
        if (!texts.errors().isEmpty()) {
            texts.errors().forEach(err::println);
            return ExitCode.CONFIG;
        }
        out.println("Configuration from " + root.configPath + " is valid. Effective values:");
        out.println();
        config.describe().forEach(line -> out.println("  " + line));
        out.println();
        texts.summary().forEach(line -> out.println("  " + line));
        out.println("  " + TranslationLine.of(config.settings().translation()));
        List<String> warnings = new ArrayList<>(config.warnings());
        warnings.addAll(texts.warnings());
        warnings.addAll(PrivacyNoticeCheck.of(config.settings()));
        if (!warnings.isEmpty()) {
            out.println();
            out.println("Worth knowing:");
            warnings.forEach(line -> out.println("  - " + line));
        }
        return ExitCode.OK;
    }
}
