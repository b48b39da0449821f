package nl.classbridge.sandbox.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.DiscordState.InteractionRecord;

/**
 * Builds INTERACTION_CREATE payloads as Discord sends them: in a guild with {@code member} (and its
 * permissions), in a DM with {@code user}; always with the channel, locale, context and
 * integration owners JDA reads.
 */
final class InteractionFactory {
    static final int COMMAND = 2;
    static final int COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;
    /** The option type of a user (a member, in a server). */
    private static final int USER = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DiscordState state;
    private final Payloads payloads;

    InteractionFactory(DiscordState state, Payloads payloads) {
        this.state = state;
        this.payloads = payloads;
    }

    /** A payload and the record the server keeps of it. */
    record Built(ObjectNode payload, InteractionRecord record) {}

    Built command(LocalUser user, LocalChannel channel, String path, Map<String, ?> options, String focused) {
        String[] parts = path.trim().split("\\s+");
        JsonNode registered = registeredCommand(channel, parts[0]);
        ObjectNode data = Json.object()
                .put("name", parts[0])
                .put("type", 1)
                .put(
                        "id",
                        registered == null
                                ? Json.id(state.ids.next())
                                : registered.get("id").asText());
        if (!channel.isDirect()) {
            data.put("guild_id", Json.id(channel.guildId()));
        }
        ArrayNode level = data.putArray("options");
        JsonNode definitions = registered == null ? Json.array() : registered.path("options");
        for (int i = 1; i < parts.length; i++) {
            JsonNode definition = named(definitions, parts[i]);
            int type = definition == null
                    ? (i == parts.length - 1 ? 1 : 2)
                    : definition.path("type").asInt();
            ObjectNode nested = level.addObject().put("type", type).put("name", parts[i]);
            level = nested.putArray("options");
            definitions = definition == null ? Json.array() : definition.path("options");
        }
        for (Map.Entry<String, ?> option : options.entrySet()) {
            JsonNode definition = named(definitions, option.getKey());
            ObjectNode value = level.addObject().put("name", option.getKey());
            boolean isFocused = option.getKey().equals(focused);
            int type = definition != null ? definition.path("type").asInt() : typeOf(option.getValue());
            value.put("type", type);
            if (isFocused) {
                value.put("value", String.valueOf(option.getValue())).put("focused", true); // what is typed so far
            } else if (type == USER) {
                value.put("value", String.valueOf(option.getValue()));
                resolveUser(data, channel, String.valueOf(option.getValue()));
            } else {
                value.set("value", Json.MAPPER.valueToTree(option.getValue()));
            }
        }
        return build(focused == null ? COMMAND : AUTOCOMPLETE, user, channel, data, 0, null);
    }

    Built component(LocalUser user, PostedMessage message, String customId, List<String> values) {
        LocalChannel channel = state.channel(message.channelId());
        JsonNode component = findComponent(message.components(), customId);
        if (component == null) {
            throw new IllegalArgumentException("The message has no component with custom id " + customId);
        }
        ObjectNode data = Json.object()
                .put("custom_id", customId)
                .put("component_type", component.path("type").asInt());
        if (values != null) {
            ArrayNode chosen = data.putArray("values");
            values.forEach(chosen::add);
        }
        return build(COMPONENT, user, channel, data, message.id(), (ObjectNode) message.json());
    }

    Built modalSubmit(
            LocalUser user,
            LocalChannel channel,
            String customId,
            Map<String, String> inputs,
            PostedMessage fromMessage) {
        ObjectNode data = Json.object().put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int uniqueId = 1;
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", uniqueId++);
            label.putObject("component")
                    .put("type", 4)
                    .put("id", uniqueId++)
                    .put("custom_id", input.getKey())
                    .put("value", input.getValue());
        }
        long messageId = fromMessage == null ? 0 : fromMessage.id();
        return build(
                MODAL_SUBMIT,
                user,
                channel,
                data,
                messageId,
                fromMessage == null ? null : (ObjectNode) fromMessage.json());
    }

    private Built build(
            int type, LocalUser user, LocalChannel channel, ObjectNode data, long sourceMessageId, ObjectNode message) {
        long id = state.ids.next();
        String token = newToken(id);
        ObjectNode payload = Json.object()
                .put("id", Json.id(id))
                .put("application_id", Json.id(state.applicationId()))
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                // The user's app language as the server knows it now, not as the caller's copy says.
                .put("locale", state.findUser(user.id()).orElse(user).locale())
                .put("channel_id", Json.id(channel.id()))
                .put("attachment_size_limit", 10 * 1024 * 1024);
        payload.set("data", data);
        payload.set("channel", payloads.interactionChannel(channel, user.id()));
        payload.putArray("entitlements");
        ObjectNode owners = payload.putObject("authorizing_integration_owners");
        if (channel.isDirect()) {
            payload.put("context", 1); // BOT_DM
            owners.put("0", "0");
            payload.set("user", payloads.user(user));
            payload.put("app_permissions", Long.toString(Permissions.EVERYONE_DEFAULT));
        } else {
            payload.put("context", 0); // GUILD
            owners.put("0", Json.id(channel.guildId()));
            payload.put("guild_id", Json.id(channel.guildId())).put("guild_locale", "nl");
            payload.set(
                    "guild",
                    Json.object()
                            .put("id", Json.id(channel.guildId()))
                            .put("locale", "nl")
                            .set("features", Json.array()));
            ObjectNode member = payloads.member(state.member(channel.guildId(), user.id()));
            member.put("permissions", Long.toString(payloads.permissions(channel.guildId(), user.id())));
            payload.set("member", member);
            payload.put("app_permissions", Long.toString(payloads.permissions(channel.guildId(), state.bot.id())));
        }
        if (message != null) {
            payload.set("message", message);
        }
        InteractionRecord record =
                new InteractionRecord(id, token, type, channel.id(), user.id(), channel.guildId(), sourceMessageId);
        return new Built(payload, record);
    }

    /**
     * A user option comes with the user in {@code data.resolved}, and in a server with their member
     * too (without its {@code user}, with their permissions), as Discord sends it; an id the server
     * does not know stays unresolved.
     */
    private void resolveUser(ObjectNode data, LocalChannel channel, String id) {
        long userId;
        try {
            userId = Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            return;
        }
        state.findUser(userId).ifPresent(user -> {
            ObjectNode resolved = data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
            ObjectNode users = resolved.has("users") ? (ObjectNode) resolved.get("users") : resolved.putObject("users");
            users.set(id, payloads.user(user));
            if (!channel.isDirect()) {
                state.findMember(channel.guildId(), userId).ifPresent(member -> {
                    ObjectNode members = resolved.has("members")
                            ? (ObjectNode) resolved.get("members")
                            : resolved.putObject("members");
                    ObjectNode json = payloads.member(member);
                    json.remove("user");
                    json.put("permissions", Long.toString(payloads.permissions(channel.guildId(), userId)));
                    members.set(id, json);
                });
            }
        });
    }

    private JsonNode registeredCommand(LocalChannel channel, String name) {
        JsonNode found = channel.isDirect() ? null : named(state.commands(channel.guildId()), name);
        return found != null ? found : named(state.commands(0), name);
    }

    private static JsonNode named(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (name.equals(node.path("name").asText())) {
                return node;
            }
        }
        return null;
    }

    /** Discord's option types for plain values: 3 string, 4 integer, 5 boolean, 10 number. */
    private static int typeOf(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return 4;
        }
        if (value instanceof Boolean) {
            return 5;
        }
        if (value instanceof Number) {
            return 10;
        }
        return 3;
    }

    private static JsonNode findComponent(JsonNode components, String customId) {
        for (JsonNode node : components.findParents("custom_id")) {
            if (customId.equals(node.path("custom_id").asText())) {
                return node;
            }
        }
        return null;
    }

    /** Interaction tokens are long opaque strings; the id prefix keeps them unique. */
    private static String newToken(long id) {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "aW50ZXJhY3Rpb246" + Long.toHexString(id)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
