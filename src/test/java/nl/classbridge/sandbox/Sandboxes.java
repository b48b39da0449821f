package nl.classbridge.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.Settings;
import nl.classbridge.sandbox.page.SandboxPage;

/** Starts sandboxes as the command line does, with the shipped config and a database in a test folder. */
final class Sandboxes {
    private Sandboxes() {}

    static Settings settings(Path database, Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("CLASSBRIDGE_SANDBOX_DATABASE", database.toString());
        env.putIfAbsent("CLASSBRIDGE_SANDBOX_PORT", "0");
        return ConfigLoader.load(Path.of("config/classbridge.yml"), env);
    }

    static Sandbox start(Path database, Map<String, String> environment, boolean reset) throws Exception {
        return start(database, environment, reset, Clock.systemUTC());
    }

    /** A sandbox whose time starts at {@code real}'s, e.g. a weekday morning outside the quiet hours. */
    static Sandbox start(Path database, Map<String, String> environment, boolean reset, Clock real) throws Exception {
        return Sandbox.start(settings(database, environment), reset, real, SandboxPage::start);
    }
}
