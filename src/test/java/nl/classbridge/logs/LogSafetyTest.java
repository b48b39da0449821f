package nl.classbridge.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipped logging configuration (src/main/resources/logback.xml), loaded as the bot loads it:
 * failures without their text, and JDA's lines with Discord data never written.
 */
class LogSafetyTest {
    private static final String MARKER = "Zzmarkerchild";

    LoggerContext context;
    ListAppender<ILoggingEvent> written;

    @BeforeEach
    void load() throws Exception {
        context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        written = new ListAppender<>();
        written.setContext(context);
        written.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(written);
        root.setLevel(Level.TRACE);
        context.getLogger("net.dv8tion.jda").setLevel(Level.TRACE);
    }

    /** A line as the shipped pattern writes it. */
    private String printed(ILoggingEvent event) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        return ((PatternLayoutEncoder) console.getEncoder()).getLayout().doLayout(event);
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable failure) {
        return new LoggingEvent(
                LogSafetyTest.class.getName(), context.getLogger(logger), level, message, failure, null);
    }

    @Test
    @DisplayName("GIVEN a failure whose message, cause and suppressed failure hold a child's name WHEN logged"
            + " through Failure THEN the log has the classes, the reason code and the frames, not the name")
    void failureWithoutText() {
        IllegalArgumentException failure = new IllegalArgumentException(
                "Content may not be longer: " + MARKER, new IOException("about " + MARKER));
        failure.addSuppressed(new IllegalStateException(MARKER));
        assertThat(Failure.code(failure)).isEqualTo("IllegalArgumentException/IOException");

        String line = printed(event(
                "nl.classbridge.discord.CommandRouter",
                Level.ERROR,
                "check-in button failed",
                Failure.withoutText(failure)));
        assertThat(line)
                .doesNotContain(MARKER)
                .contains(
                        "java.lang.IllegalArgumentException",
                        "java.io.IOException",
                        "java.lang.IllegalStateException",
                        "at nl.classbridge.logs.LogSafetyTest.failureWithoutText");
    }

    @Test
    @DisplayName("GIVEN a library logs a failure with a child's name in its message WHEN written THEN the class and"
            + " frames without the message; a time-out keeps its message")
    void libraryFailures() {
        String line = printed(event(
                "org.example.Library",
                Level.ERROR,
                "failed",
                new UncheckedIOException("x", new IOException("Text '" + MARKER + "' could not be parsed"))));
        assertThat(line)
                .doesNotContain(MARKER)
                .contains(
                        "java.io.UncheckedIOException: (message not logged)",
                        "Caused by: java.io.IOException: (message not logged)",
                        "at nl.classbridge.logs.LogSafetyTest");
        assertThat(printed(
                        event("org.example.Library", Level.WARN, "slow", new SocketTimeoutException("Read timed out"))))
                .contains("java.net.SocketTimeoutException: Read timed out");
    }

    @Test
    @DisplayName("GIVEN JDA logs request bodies at TRACE and Discord's JSON at DEBUG and ERROR WHEN written"
            + " THEN none of it; the ERROR becomes a note in JDA's words; other JDA lines pass")
    void discordData() {
        DataObject event = DataObject.empty().put("content", MARKER + " is ziek");
        context.getLogger("net.dv8tion.jda.internal.requests.Requester")
                .trace("Sending request on route {}/{} with body\n{}", "POST", "channels/1/messages", event);
        context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient")
                .trace("{} -> {}", "MESSAGE_CREATE", event);
        context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient").debug("Unrecognized event:\n{}", event);
        context.getLogger("net.dv8tion.jda.internal.entities.EntityBuilder")
                .error("Failed to parse element in {} with content {}", "messages", event);
        context.getLogger("net.dv8tion.jda.api.JDA").info("Finished Loading!");
        context.getLogger("nl.classbridge.ClassBridge").trace("our own TRACE line");

        assertThat(written.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(MARKER))
                .containsExactly(
                        "net.dv8tion.jda.internal.entities.EntityBuilder logged a line with Discord data,"
                                + " not written here: \"Failed to parse element in {} with content {}\"",
                        "Finished Loading!",
                        "our own TRACE line");
        assertThat(written.list.get(0).getLevel()).isEqualTo(Level.ERROR);
    }
}
