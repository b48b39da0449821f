package nl.classbridge.sandbox.discord;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import nl.classbridge.sandbox.discord.DiscordState.InteractionRecord;

/**
 * Answers to interactions: the callback ({@code POST interactions/{id}/{token}/callback}) and the
 * application webhook for follow-ups and the original response ({@code @original}).
 */
final class InteractionRoutes {
    private static final String ORIGINAL = "@original";

    private final DiscordState state;
    private final Messages messages;

    InteractionRoutes(DiscordState state, Messages messages) {
        this.state = state;
        this.messages = messages;
    }

    void install(RestApi api, RoutesConfig routes) {
        // Interaction routes are authorised by the token in the path, not by the bot token.
        api.route(routes, POST, "interactions/{interaction_id}/{interaction_token}/callback", false, this::callback);
        String webhook = "webhooks/{application_id}/{interaction_token}";
        api.route(routes, POST, webhook, false, request -> {
            InteractionRecord record = acknowledged(request);
            ObjectNode message = messages.createForInteraction(record, request.body());
            state.addFollowUp(record, message.get("id").asLong());
            return message;
        });
        String oneMessage = webhook + "/messages/{message_id}";
        api.route(routes, GET, oneMessage, false, request -> {
            InteractionRecord record = acknowledged(request);
            long id = messageId(record, request.param("message_id"), false);
            return state.message(record.channelId, id);
        });
        api.route(routes, PATCH, oneMessage, false, request -> {
            InteractionRecord record = acknowledged(request);
            long id = messageId(record, request.param("message_id"), true);
            if (id == 0) {
                return createDeferredOriginal(record, request.body());
            }
            return messages.edit(state.channel(record.channelId), id, request.body());
        });
        api.route(routes, DELETE, oneMessage, false, request -> {
            InteractionRecord record = acknowledged(request);
            messages.delete(state.channel(record.channelId), messageId(record, request.param("message_id"), false));
            return null;
        });
    }

    private JsonNode callback(RestApi.Request request) {
        InteractionRecord record = state.interaction(request.id("interaction_id"), request.param("interaction_token"));
        JsonNode body = request.body();
        int type = body.path("type").asInt(-1);
        JsonNode data = body.has("data") && body.get("data").isObject() ? body.get("data") : Json.object();
        checkAllowed(record, type);
        state.respond(record, new InteractionResponse(type, data.deepCopy()));
        ObjectNode resource = Json.object().put("type", type);
        switch (type) {
            case InteractionResponse.REPLY -> {
                ObjectNode message = messages.createForInteraction(record, data);
                state.setOriginal(record, message.get("id").asLong());
                resource.set("message", message);
            }
            case InteractionResponse.UPDATE_MESSAGE -> {
                ObjectNode message = messages.edit(state.channel(record.channelId), record.sourceMessageId, data);
                resource.set("message", message);
            }
            default -> {
                // deferrals, autocomplete choices and modals make no message
            }
        }
        if (!"true".equals(request.query("with_response"))) {
            return null;
        }
        ObjectNode answer = Json.object();
        ObjectNode interaction = answer.putObject("interaction")
                .put("id", Json.id(record.id))
                .put("type", record.type)
                .put("response_message_loading", type == InteractionResponse.DEFERRED_REPLY)
                .put("response_message_ephemeral", (data.path("flags").asInt() & Messages.EPHEMERAL) != 0);
        if (resource.has("message")) {
            interaction.put(
                    "response_message_id", resource.get("message").get("id").asText());
        }
        answer.set("resource", resource);
        return answer;
    }

    private static void checkAllowed(InteractionRecord record, int type) {
        boolean allowed = switch (type) {
            case InteractionResponse.REPLY, InteractionResponse.DEFERRED_REPLY -> record.type != 4;
            case InteractionResponse.DEFERRED_UPDATE, InteractionResponse.UPDATE_MESSAGE ->
                record.type == 3 || (record.type == 5 && record.sourceMessageId != 0);
            case InteractionResponse.AUTOCOMPLETE -> record.type == 4;
            case InteractionResponse.MODAL -> record.type == 2 || record.type == 3;
            default -> false;
        };
        if (!allowed) {
            throw new DiscordError(
                    400,
                    40043,
                    "Interaction response type " + type + " is not valid for interaction type " + record.type);
        }
    }

    private InteractionRecord acknowledged(RestApi.Request request) {
        if (request.id("application_id") != state.applicationId()) {
            throw DiscordError.unknownWebhook();
        }
        InteractionRecord record = state.interactionByToken(request.param("interaction_token"));
        if (record.response == null) {
            throw DiscordError.unknownWebhook(); // Discord knows the webhook only once the interaction is acknowledged
        }
        return record;
    }

    /**
     * {@code @original} is the reply, or for a deferred update the message the component sits on; 0 when a
     * deferred reply has no message yet and {@code creating} allows making it.
     */
    private static long messageId(InteractionRecord record, String param, boolean creating) {
        if (!ORIGINAL.equals(param)) {
            try {
                return Long.parseUnsignedLong(param);
            } catch (NumberFormatException e) {
                throw DiscordError.unknownMessage();
            }
        }
        if (record.originalMessageId != 0) {
            return record.originalMessageId;
        }
        int responseType = record.response.type();
        if (responseType == InteractionResponse.DEFERRED_UPDATE || responseType == InteractionResponse.UPDATE_MESSAGE) {
            return record.sourceMessageId;
        }
        if (creating && responseType == InteractionResponse.DEFERRED_REPLY) {
            return 0;
        }
        throw DiscordError.unknownMessage();
    }

    /** Editing the original after a deferred reply is what posts it; it keeps the deferral's ephemeral flag. */
    private ObjectNode createDeferredOriginal(InteractionRecord record, JsonNode body) {
        ObjectNode data = body.deepCopy();
        int flags = data.path("flags").asInt(0)
                | (record.response.data().path("flags").asInt(0) & Messages.EPHEMERAL);
        data.put("flags", flags);
        ObjectNode message = messages.createForInteraction(record, data);
        state.setOriginal(record, message.get("id").asLong());
        return message;
    }
}
