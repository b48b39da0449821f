package nl.classbridge.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.config.Settings;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.SandboxException;
import nl.classbridge.sandbox.page.SandboxPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code classbridge sandbox}: the whole bot on this machine with a web page, for trying it without
 * a Discord account. What starts without a token ({@code java -jar classbridge.jar}).
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Try ClassBridge on this machine: the real bot with a local Discord, local email and a"
                    + " web page on 127.0.0.1. Nothing leaves this machine; no Discord token is used."
        })
final class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--reset", description = "Start over: a new sandbox database with the example school.")
    boolean reset;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Settings> settings = root.loadSettings(err);
        if (settings.isEmpty()) {
            return ExitCode.CONFIG;
        }
        LogLevel.quietLibraries(); // the banner, not the libraries' start-up chatter, is what a visitor reads
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(settings.get(), reset, Clock.systemUTC(), SandboxPage::start);
        } catch (SandboxException e) {
            err.println(e.getMessage());
            return ExitCode.CONFIG;
        } catch (Exception e) {
            return StartFailure.report(e, "sandbox.database", err);
        }
        out.println(banner(sandbox));
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "classbridge-sandbox-shutdown"));
        sandbox.awaitStop();
        return ExitCode.OK;
    }

    private static String banner(Sandbox sandbox) {
        return """

                ClassBridge sandbox: the whole bot on this machine, with an example school.
                  Open          %s
                  Database      %s  (start over with: sandbox --reset)
                  Discord       a local stand-in on 127.0.0.1; no Discord account or token is used
                  Email         a local mail server on 127.0.0.1; no mail leaves this machine
                Nothing here is reachable from another machine. Stop with Ctrl-C.
                """.formatted(sandbox.page(), sandbox.database());
    }
}
