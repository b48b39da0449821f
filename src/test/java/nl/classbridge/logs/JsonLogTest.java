package nl.classbridge.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code logging.format: json} on the shipped logback.xml: what the console's encoder writes after
 * {@link LogFormat#apply}, with the configuration's turbo filter in force.
 */
class JsonLogTest {
    private static final String MARKER = "ouder.zzmarker@example.org";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    LoggerContext context;
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void load() throws Exception {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as logback's own start-up does
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
    }

    private ConsoleAppender<ILoggingEvent> console() {
        return (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    }

    /** The console's encoder, writing to {@link #out} instead of standard error. */
    private void captureConsole() {
        OutputStreamAppender<ILoggingEvent> captured = new OutputStreamAppender<>();
        captured.setContext(context);
        captured.setEncoder(console().getEncoder());
        captured.setOutputStream(out);
        captured.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender("CONSOLE");
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        context.getLogger("net.dv8tion.jda").setLevel(Level.TRACE);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    @Test
    @DisplayName("GIVEN logging.format json WHEN the bot logs lines and failures whose messages hold an email"
            + " address THEN every line is a JSON object with time, level, logger, thread and message, the"
            + " failures have class and frames, and the address is nowhere")
    void jsonLines() throws IOException {
        LogFormat.apply(context, "json");
        assertThat(console().getEncoder()).isInstanceOf(JsonLines.class);
        assertThat(console().isStarted()).isTrue();
        captureConsole();
        Instant before = Instant.now();

        context.getLogger("nl.classbridge.ClassBridge").info("Started with {} classes", 3);
        IllegalArgumentException failure =
                new IllegalArgumentException("Invalid address " + MARKER, new IOException("refused " + MARKER));
        failure.addSuppressed(new IllegalStateException(MARKER));
        // A library passes the failure itself; ClassBridge's own code passes Failure.withoutText.
        context.getLogger("org.eclipse.angus.mail").error("send failed", failure);
        context.getLogger("nl.classbridge.delivery.Dispatcher")
                .warn("delivery failed: {}", Failure.code(failure), Failure.withoutText(failure));
        // Even a kind whose message the text pattern may show (a time-out) keeps it out of JSON.
        context.getLogger("nl.classbridge.mail.SmtpSender")
                .warn("smtp slow", new SocketTimeoutException("Read timed out " + MARKER));

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER).doesNotContain("zzmarker");
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        JsonNode first = lines.get(0);
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("logger").asText()).isEqualTo("nl.classbridge.ClassBridge");
        assertThat(first.get("thread").asText())
                .isEqualTo(Thread.currentThread().getName());
        assertThat(first.get("message").asText()).isEqualTo("Started with 3 classes");
        assertThat(first.get("time").asText()).endsWith("Z");
        assertThat(Instant.parse(first.get("time").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(first.has("failure")).isFalse();

        for (JsonNode line : lines.subList(1, 3)) {
            JsonNode logged = line.get("failure");
            assertThat(logged.get("class").asText()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(logged.get("frames").get(0).asText()).contains("nl.classbridge.logs.JsonLogTest.jsonLines");
            assertThat(logged.get("cause").get("class").asText()).isEqualTo("java.io.IOException");
            assertThat(logged.get("suppressed").get(0).get("class").asText())
                    .isEqualTo("java.lang.IllegalStateException");
            assertThat(logged.has("message")).isFalse();
        }
        assertThat(lines.get(2).get("message").asText())
                .isEqualTo("delivery failed: IllegalArgumentException/IOException");
        assertThat(lines.get(3).get("failure").get("class").asText()).isEqualTo("java.net.SocketTimeoutException");
    }

    @Test
    @DisplayName("GIVEN logging.format json WHEN JDA logs Discord's JSON THEN the filter of logback.xml still"
            + " turns it into a note without the data")
    void filtersStayInForce() throws IOException {
        LogFormat.apply(context, "json");
        captureConsole();
        DataObject event = DataObject.empty().put("content", MARKER);
        context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient")
                .trace("{} -> {}", "MESSAGE_CREATE", event);
        context.getLogger("net.dv8tion.jda.internal.entities.EntityBuilder")
                .error("Failed to parse element in {} with content {}", "messages", event);

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER);
        assertThat(lines())
                .singleElement()
                .satisfies(line -> assertThat(line.get("message").asText())
                        .startsWith("net.dv8tion.jda.internal.entities.EntityBuilder logged a line with Discord data"));
    }

    @Test
    @DisplayName("GIVEN logging.format text (the default) WHEN applied THEN the console keeps logback.xml's pattern")
    void textStaysAsBefore() {
        LogFormat.apply(context, "text");
        assertThat(console().getEncoder()).isInstanceOf(PatternLayoutEncoder.class);
        assertThat(((PatternLayoutEncoder) console().getEncoder()).getPattern())
                .isEqualTo("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n%withheldEx");
    }
}
