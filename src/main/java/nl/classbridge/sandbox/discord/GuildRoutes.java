package nl.classbridge.sandbox.discord;

import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.RoutesConfig;
import nl.classbridge.sandbox.discord.DiscordState.GuildModel;

/** Guild members: one by id, or a page of them ordered by user id. */
final class GuildRoutes {
    private final DiscordState state;
    private final Payloads payloads;

    GuildRoutes(DiscordState state, Payloads payloads) {
        this.state = state;
        this.payloads = payloads;
    }

    void install(RestApi api, RoutesConfig routes) {
        api.route(
                routes,
                GET,
                "guilds/{guild_id}/members/{user_id}",
                true,
                request -> payloads.member(state.member(request.id("guild_id"), request.id("user_id"))));
        api.route(routes, GET, "guilds/{guild_id}/members", true, request -> {
            GuildModel guild = state.guild(request.id("guild_id"));
            int limit = request.query("limit") == null ? 1 : Integer.parseInt(request.query("limit"));
            long after = request.query("after") == null ? 0 : Long.parseUnsignedLong(request.query("after"));
            ArrayNode page = Json.array();
            synchronized (state) {
                guild.members.values().stream()
                        .filter(member -> Long.compareUnsigned(member.userId(), after) > 0)
                        .sorted((a, b) -> Long.compareUnsigned(a.userId(), b.userId()))
                        .limit(Math.max(1, Math.min(limit, 1000)))
                        .forEach(member -> page.add(payloads.member(member)));
            }
            return page;
        });
    }
}
