package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command on the configured database ({@code backup}, {@code restore}, {@code migrate},
 * {@code status}): finds the database through the checked configuration (an invalid one exits 2
 * with its one-line message), then does its own part.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> database = root.databasePath(err);
        if (database.isEmpty()) {
            return ExitCode.CONFIG;
        }
        return run(database.get(), spec.commandLine().getOut(), err);
    }

    /** The command's own work on {@code database} (absolute); returns the exit code. */
    abstract int run(Path database, PrintWriter out, PrintWriter err);
}
