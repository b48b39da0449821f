package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bot's answer to an interaction callback ({@code POST interactions/{id}/{token}/callback}).
 *
 * @param type Discord's callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update message,
 *             8 autocomplete choices, 9 modal
 * @param data the callback's {@code data} object, never null
 */
public record InteractionResponse(int type, JsonNode data) {
    public static final int REPLY = 4;
    public static final int DEFERRED_REPLY = 5;
    public static final int DEFERRED_UPDATE = 6;
    public static final int UPDATE_MESSAGE = 7;
    public static final int AUTOCOMPLETE = 8;
    public static final int MODAL = 9;

    public boolean ephemeral() {
        return (data.path("flags").asInt(0) & 64) != 0;
    }

    public String content() {
        return data.path("content").asText("");
    }
}
