package nl.classbridge.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.classbridge.config.ConfigLoader;
import nl.classbridge.config.Settings;
import nl.classbridge.sandbox.page.SandboxPage;
import nl.classbridge.testing.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;

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

    /** The sandbox's page in a new headless Chromium at {@code width} x {@code height}, in the page's {@code language}. */
    static ChromeDriver page(Sandbox sandbox, Path folder, int width, int height, String language) {
        ChromeDriver browser = HeadlessChromium.start(folder.resolve("chromium"), width, height);
        browser.get(sandbox.page().resolve("/lang/" + language).toString());
        return browser;
    }

    /** Closes what a browser test opened, whichever of the two it got to before a failure. */
    static void close(ChromeDriver browser, Sandbox sandbox) {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
