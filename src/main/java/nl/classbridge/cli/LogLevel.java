package nl.classbridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code logging.level} to the root logger once the configuration is known. */
final class LogLevel {
    private LogLevel() {}

    /** The sandbox's console: JDA, GreenMail, Javalin and Jetty say only what goes wrong. */
    static void quietLibraries() {
        for (String library : new String[] {"net.dv8tion.jda", "com.icegreen", "io.javalin", "org.eclipse.jetty"}) {
            if (LoggerFactory.getLogger(library) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }

    static void apply(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
