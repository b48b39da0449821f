package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Creating, editing and deleting messages the way Discord does, for the bot's REST calls, interaction
 * responses and what users type: limits checked, nonces honoured, gateway events sent.
 */
final class Messages {
    static final int MAX_CONTENT = 2000;
    static final int EPHEMERAL = 64;

    private final DiscordState state;
    private final Payloads payloads;
    private final Gateway gateway;
    private final Faults faults;

    Messages(DiscordState state, Payloads payloads, Gateway gateway, Faults faults) {
        this.state = state;
        this.payloads = payloads;
        this.gateway = gateway;
        this.faults = faults;
    }

    /** {@code POST channels/{id}/messages} as the bot, and the text a user types. */
    ObjectNode create(LocalChannel channel, LocalUser author, JsonNode body) {
        if (author.bot() && channel.isDirect() && state.directMessagesClosed(channel.recipientId())) {
            throw new DiscordError(403, 50007, "Cannot send messages to this user");
        }
        String nonce = body.hasNonNull("nonce") ? body.get("nonce").asText() : null;
        boolean enforce = nonce != null && body.path("enforce_nonce").asBoolean(false);
        if (enforce) {
            Optional<ObjectNode> earlier = state.messageForNonce(channel.id(), nonce);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ObjectNode message = build(channel, author, body);
        if (nonce != null) {
            message.put("nonce", nonce);
        }
        if (body.has("message_reference")) {
            message.put("type", 19); // a reply
            message.set("message_reference", body.get("message_reference").deepCopy());
        }
        ObjectNode stored = state.storeMessage(message, body.get("allowed_mentions"), enforce);
        announce("MESSAGE_CREATE", stored, channel);
        if (enforce) {
            faults.noncedMessageStored(nonce);
        }
        return stored;
    }

    /** A message made by an interaction response or follow-up: sent through the application's webhook. */
    ObjectNode createForInteraction(DiscordState.InteractionRecord interaction, JsonNode data) {
        LocalChannel channel = state.channel(interaction.channelId);
        ObjectNode message = build(channel, state.bot, data);
        message.put("webhook_id", Json.id(state.applicationId()));
        message.put("application_id", Json.id(state.applicationId()));
        if (interaction.type == 2) {
            message.put("type", 20); // a chat-input command's reply
        }
        ObjectNode metadata = message.putObject("interaction_metadata")
                .put("id", Json.id(interaction.id))
                .put("type", interaction.type);
        metadata.set("user", payloads.user(state.user(interaction.userId)));
        metadata.putObject("authorizing_integration_owners");
        ObjectNode stored = state.storeMessage(message, data.get("allowed_mentions"), false);
        announce("MESSAGE_CREATE", stored, channel);
        return stored;
    }

    ObjectNode edit(LocalChannel channel, long messageId, JsonNode body) {
        checkContent(body);
        ObjectNode edited = state.editMessage(channel.id(), messageId, body);
        announce("MESSAGE_UPDATE", edited, channel);
        return edited;
    }

    void delete(LocalChannel channel, long messageId) {
        ObjectNode message = state.message(channel.id(), messageId);
        state.deleteMessage(channel.id(), messageId);
        ObjectNode event = Json.object().put("id", Json.id(messageId)).put("channel_id", Json.id(channel.id()));
        if (!channel.isDirect()) {
            event.put("guild_id", Json.id(channel.guildId()));
        }
        if ((message.path("flags").asInt() & EPHEMERAL) == 0) {
            gateway.dispatch(
                    "MESSAGE_DELETE",
                    event,
                    channel.isDirect() ? Gateway.DIRECT_MESSAGES : Gateway.GUILD_MESSAGES,
                    channel.guildId());
        }
    }

    private ObjectNode build(LocalChannel channel, LocalUser author, JsonNode body) {
        checkContent(body);
        boolean empty = body.path("content").asText("").isEmpty()
                && body.path("embeds").isEmpty()
                && body.path("components").isEmpty()
                && body.path("attachments").isEmpty()
                && !body.has("sticker_ids")
                && !body.has("poll");
        if (empty) {
            throw new DiscordError(400, 50006, "Cannot send an empty message");
        }
        ObjectNode message = payloads.message(state.ids.next(), channel, author);
        if (!channel.isDirect()) {
            message.put("guild_id", Json.id(channel.guildId()));
        }
        message.put("content", body.path("content").asText(""));
        message.put("tts", body.path("tts").asBoolean(false));
        message.put("flags", body.path("flags").asInt(0));
        for (String field : new String[] {"components", "embeds", "attachments"}) {
            if (body.has(field) && body.get(field).isArray()) {
                message.set(field, body.get(field).deepCopy());
            }
        }
        return message;
    }

    private static void checkContent(JsonNode body) {
        if (body.path("content").asText("").length() > MAX_CONTENT) {
            throw new DiscordError(
                    400, 50035, "Invalid Form Body: content: Must be " + MAX_CONTENT + " or fewer in length.");
        }
    }

    private void announce(String type, ObjectNode message, LocalChannel channel) {
        if ((message.path("flags").asInt() & EPHEMERAL) != 0) {
            return; // ephemeral messages are only shown to one user; the bot gets no event for them
        }
        ObjectNode event = message.deepCopy();
        if (!channel.isDirect()) {
            LocalUser author = state.user(message.path("author").path("id").asLong());
            try {
                DiscordState.MemberModel member = state.member(channel.guildId(), author.id());
                ObjectNode memberJson = payloads.member(member);
                memberJson.remove("user"); // message events carry the member without its user
                event.set("member", memberJson);
            } catch (DiscordError notAMember) {
                // webhook-style authors have no member object
            }
        }
        gateway.dispatchMessage(type, event, channel.guildId());
    }
}
