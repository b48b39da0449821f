package nl.classbridge.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * How the bot reaches Discord.
 *
 * @param token       the bot token from {@code DISCORD_TOKEN}; empty when not set
 * @param restUrl     base URL of the REST API, always ending in {@code /}
 * @param gatewayUrl  the gateway's websocket URL
 * @param teacherRole the role whose members may use teacher commands: a name or a numeric id
 * @param dmPerSecond the most private messages sent per second, to stay well inside Discord's limits
 * @param guilds      the servers (guild ids) the bot serves; empty: every server it is in
 * @param shards      how many gateway connections (shards) to open; empty: as many as Discord
 *                    recommends ({@code auto})
 */
public record Discord(
        Optional<Secret> token,
        URI restUrl,
        URI gatewayUrl,
        String teacherRole,
        double dmPerSecond,
        List<Long> guilds,
        OptionalInt shards) {

    /** Discord ids (snowflakes) are 17 to 20 digits; shorter numbers are taken as role names. */
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");

    public Discord {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(teacherRole, "teacherRole");
        Objects.requireNonNull(shards, "shards");
        guilds = List.copyOf(guilds);
    }

    /** The teacher role's id when {@link #teacherRole()} is one, else empty (it is a role name). */
    public Optional<String> teacherRoleId() {
        return SNOWFLAKE.matcher(teacherRole).matches() ? Optional.of(teacherRole) : Optional.empty();
    }

    /**
     * Whether the bot serves this server. With no servers listed it serves every server it is in,
     * as before the list existed; {@code check-config} warns about that.
     */
    public boolean serves(long guildId) {
        return guilds.isEmpty() || guilds.contains(guildId);
    }
}
