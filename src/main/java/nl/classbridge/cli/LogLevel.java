package nl.classbridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import nl.classbridge.logs.LogFormat;
import org.slf4j.LoggerFactory;

/** Applies {@code logging.level} and {@code logging.format} once the configuration is known. */
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

    /** {@code logging.format}: {@code json} turns the console into one JSON object per line. */
    static void format(String format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            LogFormat.apply(context, format);
        }
    }

    static void apply(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
