package nl.classbridge.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the process logs while it is open, at TRACE (or a level given) for every logger (ClassBridge's, JDA's,
 * the database's, the test servers'), each line with its failure printed in full, messages
 * included: what would reach the log if a line carried personal data. The console is quiet
 * meanwhile; the lines are kept for the test to read.
 */
public final class LogCapture implements AutoCloseable {
    /**
     * Loggers put at TRACE. The mail and web servers' libraries (GreenMail, Jetty, Javalin) keep the
     * level the configuration pins them at, as the sandbox runs them: their DEBUG is a protocol
     * trace of the servers, not the bot's log.
     */
    private static final List<String> NAMED =
            List.of(Logger.ROOT_LOGGER_NAME, "nl.classbridge", "net.dv8tion.jda", "org.flywaydb", "org.sqlite");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Map<String, Level> levels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final Appender<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
            synchronized (lines) {
                lines.add(line);
            }
        }
    };

    public LogCapture() {
        this(Level.TRACE);
    }

    /** Captures from {@code level} up, for a test that looks for failures rather than for data. */
    public LogCapture(Level level) {
        for (String name : NAMED) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(level);
        }
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            consoles.add(it.next());
        }
        consoles.forEach(root::detachAppender);
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
    }

    /** Every line so far, a failure's full print included. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines that contain any of {@code markers}, ignoring case. */
    public List<String> linesWith(List<String> markers) {
        return lines().stream()
                .filter(line -> markers.stream()
                        .anyMatch(marker -> line.toLowerCase(Locale.ROOT).contains(marker.toLowerCase(Locale.ROOT))))
                .toList();
    }

    /** The lines at {@code level} or above from loggers under {@code prefix}. */
    public List<String> linesAtLeast(Level level, String prefix) {
        return lines().stream()
                .filter(line ->
                        Level.toLevel(line.substring(0, line.indexOf(' '))).isGreaterOrEqual(level)
                                && line.substring(line.indexOf(' ') + 1).startsWith(prefix))
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(capture);
        capture.stop();
        consoles.forEach(root::addAppender);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
