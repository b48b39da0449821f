package nl.classbridge.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code logging.format: json}: one JSON object per line for a log shipper, with {@code time}
 * (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code message} and, for a
 * failure, {@code failure}: its class, stack frames, cause and suppressed failures. Never the
 * failure's message, not even for the kinds {@link WithheldMessages} lets through: logback's own
 * JsonEncoder writes it, and it often carries what someone typed.
 */
public final class JsonLines extends EncoderBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField(
                    "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                json.writeFieldName("failure");
                failure(json, event.getThrowableProxy(), 0);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** Depth guards against a cause chain that loops back (logback marks it cyclic). */
    private static void failure(JsonGenerator json, IThrowableProxy failure, int depth) throws IOException {
        json.writeStartObject();
        json.writeStringField("class", Failure.standsFor(failure.getClassName(), failure.getMessage()));
        json.writeArrayFieldStart("frames");
        StackTraceElementProxy[] frames = failure.getStackTraceElementProxyArray();
        for (int i = 0; i < frames.length - failure.getCommonFrames(); i++) {
            json.writeString(frames[i].getStackTraceElement().toString());
        }
        json.writeEndArray();
        if (failure.getCommonFrames() > 0) {
            json.writeNumberField("commonFrames", failure.getCommonFrames());
        }
        if (failure.getCause() != null && !failure.isCyclic() && depth < 20) {
            json.writeFieldName("cause");
            failure(json, failure.getCause(), depth + 1);
        }
        if (failure.getSuppressed() != null && failure.getSuppressed().length > 0 && depth < 20) {
            json.writeArrayFieldStart("suppressed");
            for (IThrowableProxy suppressed : failure.getSuppressed()) {
                failure(json, suppressed, depth + 1);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
