package nl.classbridge.sandbox.discord;

import java.util.Arrays;

/**
 * A guild seeded on the local server, with methods to add channels, roles and members. Seed before
 * the bot logs in: what is added later is stored but not announced on the gateway.
 */
public final class LocalGuild {
    private final DiscordState state;
    private final long id;
    private final String name;

    LocalGuild(DiscordState state, long id, String name) {
        this.state = state;
        this.id = id;
        this.name = name;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalChannel addTextChannel(String channelName) {
        return state.addTextChannel(id, channelName);
    }

    public LocalRole addRole(String roleName, long permissions) {
        return state.addRole(id, roleName, permissions);
    }

    /** A channel with an id of the caller's choosing (see {@link LocalDiscord#snowflake}). */
    public LocalChannel addTextChannel(long channelId, String channelName) {
        return state.addTextChannel(channelId, id, channelName);
    }

    /** A role with an id of the caller's choosing (see {@link LocalDiscord#snowflake}). */
    public LocalRole addRole(long roleId, String roleName, long permissions) {
        return state.addRole(roleId, id, roleName, permissions);
    }

    /** The {@code @everyone} role; it shares the guild's id. */
    public LocalRole everyoneRole() {
        synchronized (state) {
            return state.guild(id).roles.get(id);
        }
    }

    public void addMember(LocalUser user, LocalRole... roles) {
        state.addMember(id, user.id(), Arrays.stream(roles).map(LocalRole::id).toList());
    }
}
