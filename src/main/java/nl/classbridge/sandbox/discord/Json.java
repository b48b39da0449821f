package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** JSON for the wire. Discord sends ids as strings; the helpers here keep that so payloads look real. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static String id(long snowflake) {
        return Long.toUnsignedString(snowflake);
    }

    static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? object() : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DiscordError(400, 50109, "The request body contains invalid JSON.");
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON as UTF-8 bytes, for an answer's body. */
    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Discord error body: {@code {"message": ..., "code": ...}}. */
    static ObjectNode error(int code, String message) {
        return object().put("message", message).put("code", code);
    }
}
