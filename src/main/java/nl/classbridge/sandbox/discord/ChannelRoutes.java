package nl.classbridge.sandbox.discord;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;

/** Channels and their messages, and opening a DM channel with a user. */
final class ChannelRoutes {
    private final DiscordState state;
    private final Payloads payloads;
    private final Messages messages;

    ChannelRoutes(DiscordState state, Payloads payloads, Messages messages) {
        this.state = state;
        this.payloads = payloads;
        this.messages = messages;
    }

    void install(RestApi api, RoutesConfig routes) {
        api.route(routes, POST, "users/@me/channels", true, this::openDirectChannel);
        api.route(routes, GET, "channels/{channel_id}", true, request -> {
            LocalChannel channel = state.channel(request.id("channel_id"));
            return channel.isDirect()
                    ? payloads.directChannel(channel)
                    : payloads.channel(
                            channel, state.guildChannels(channel.guildId()).indexOf(channel));
        });
        api.route(
                routes,
                POST,
                "channels/{channel_id}/messages",
                true,
                request -> messages.create(channel(request), state.bot, request.body()));
        api.route(
                routes,
                GET,
                "channels/{channel_id}/messages/{message_id}",
                true,
                request -> state.message(channel(request).id(), request.id("message_id")));
        api.route(routes, PATCH, "channels/{channel_id}/messages/{message_id}", true, request -> {
            LocalChannel channel = channel(request);
            checkOwnMessage(channel, request.id("message_id"));
            return messages.edit(channel, request.id("message_id"), request.body());
        });
        api.route(routes, DELETE, "channels/{channel_id}/messages/{message_id}", true, request -> {
            messages.delete(channel(request), request.id("message_id"));
            return null;
        });
    }

    private JsonNode openDirectChannel(RestApi.Request request) {
        long recipient;
        try {
            recipient =
                    Long.parseUnsignedLong(request.body().path("recipient_id").asText());
        } catch (NumberFormatException e) {
            throw new DiscordError(400, 50035, "Invalid Form Body: recipient_id");
        }
        try {
            return payloads.directChannel(state.directChannel(recipient));
        } catch (DiscordError unknown) {
            throw new DiscordError(400, 50033, "Invalid Recipient(s)");
        }
    }

    private LocalChannel channel(RestApi.Request request) {
        return state.channel(request.id("channel_id"));
    }

    private void checkOwnMessage(LocalChannel channel, long messageId) {
        long author =
                state.message(channel.id(), messageId).path("author").path("id").asLong();
        if (author != state.bot.id()) {
            throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
    }
}
