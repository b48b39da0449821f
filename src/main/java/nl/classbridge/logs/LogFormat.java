package nl.classbridge.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Applies {@code logging.format} to the console appender of logback.xml. Only the encoder
 * changes: the turbo filter ({@link DiscordDataFilter}) and the logger levels stay in force.
 */
public final class LogFormat {
    private LogFormat() {}

    /** {@code json} switches the console to {@link JsonLines}; {@code text} keeps logback.xml's pattern. */
    public static void apply(LoggerContext context, String format) {
        if (!"json".equals(format)
                || !(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")
                        instanceof ConsoleAppender<ILoggingEvent> console)
                || console.getEncoder() instanceof JsonLines) {
            return;
        }
        JsonLines json = new JsonLines();
        json.setContext(context);
        json.start();
        console.stop();
        console.setEncoder(json);
        console.start();
    }
}
