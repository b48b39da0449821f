package nl.classbridge.sandbox.discord;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;

/** Who the bot is and where to connect: users, the application, the gateway URL, and command registration. */
final class IdentityRoutes {
    private final DiscordState state;
    private final Payloads payloads;
    private final Supplier<String> gatewayUrl;
    private final int recommendedShards;

    IdentityRoutes(DiscordState state, Payloads payloads, Supplier<String> gatewayUrl, int recommendedShards) {
        this.state = state;
        this.payloads = payloads;
        this.gatewayUrl = gatewayUrl;
        this.recommendedShards = recommendedShards;
    }

    void install(RestApi api, RoutesConfig routes) {
        api.route(routes, GET, "users/@me", true, request -> payloads.selfUser());
        api.route(routes, GET, "users/{user_id}", true, request -> payloads.user(state.user(request.id("user_id"))));
        api.route(routes, GET, "oauth2/applications/@me", true, request -> payloads.application());
        api.route(routes, GET, "applications/@me", true, request -> payloads.application());
        api.route(routes, GET, "gateway", false, request -> Json.object().put("url", gatewayUrl.get()));
        // The recommended shard count, and how many sessions may start: JDA's ShardManager reads both.
        api.route(routes, GET, "gateway/bot", true, request -> {
            ObjectNode gateway = Json.object().put("url", gatewayUrl.get()).put("shards", recommendedShards);
            gateway.putObject("session_start_limit")
                    .put("total", 1000)
                    .put("remaining", 1000)
                    .put("reset_after", 0)
                    .put("max_concurrency", 1);
            return gateway;
        });

        api.route(routes, GET, "applications/{application_id}/commands", true, request -> commands(request, 0));
        api.route(routes, PUT, "applications/{application_id}/commands", true, request -> replace(request, 0));
        api.route(routes, POST, "applications/{application_id}/commands", true, request -> upsert(request, 0));
        api.route(
                routes,
                GET,
                "applications/{application_id}/guilds/{guild_id}/commands",
                true,
                request -> commands(request, guildOf(request)));
        api.route(
                routes,
                PUT,
                "applications/{application_id}/guilds/{guild_id}/commands",
                true,
                request -> replace(request, guildOf(request)));
        api.route(
                routes,
                POST,
                "applications/{application_id}/guilds/{guild_id}/commands",
                true,
                request -> upsert(request, guildOf(request)));
    }

    private long guildOf(RestApi.Request request) {
        return state.guild(request.id("guild_id")).id;
    }

    private JsonNode commands(RestApi.Request request, long guildId) {
        checkApplication(request);
        return state.commands(guildId);
    }

    private JsonNode replace(RestApi.Request request, long guildId) {
        checkApplication(request);
        if (!request.body().isArray()) {
            throw new DiscordError(400, 50035, "Invalid Form Body: expected an array of commands");
        }
        return state.replaceCommands(guildId, (ArrayNode) request.body());
    }

    /** Creating a command with a name that exists replaces it, as on Discord. */
    private JsonNode upsert(RestApi.Request request, long guildId) {
        checkApplication(request);
        JsonNode command = request.body();
        ArrayNode next = Json.array();
        for (JsonNode existing : state.commands(guildId)) {
            if (!existing.path("name").asText().equals(command.path("name").asText())) {
                next.add(existing);
            }
        }
        next.add(command);
        ArrayNode stored = state.replaceCommands(guildId, next);
        return stored.get(stored.size() - 1);
    }

    private void checkApplication(RestApi.Request request) {
        if (request.id("application_id") != state.applicationId()) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
    }
}
