package nl.classbridge.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the bot reaches Discord.
 *
 * @param token       the bot token from {@code DISCORD_TOKEN}; empty when not set
 * @param restUrl     base URL of the REST API, always ending in {@code /}
 * @param gatewayUrl  the gateway's websocket URL
 * @param teacherRole the role whose members may use teacher commands: a name or a numeric id
 * @param dmPerSecond the most private messages sent per second, to stay well inside Discord's limits
 */
public record Discord(
        Optional<Secret> token, URI restUrl, URI gatewayUrl, String teacherRole, double dmPerSecond) {

    /** Discord ids (snowflakes) are 17 to 20 digits; shorter numbers are taken as role names. */
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");

    public Discord {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(teacherRole, "teacherRole");
    }

    /** The teacher role's id when {@link #teacherRole()} is one, else empty (it is a role name). */
    public Optional<String> teacherRoleId() {
        return SNOWFLAKE.matcher(teacherRole).matches() ? Optional.of(teacherRole) : Optional.empty();
    }
}
