package nl.classbridge.sandbox.discord;

/**
 * A role in a seeded guild.
 *
 * @param id          the role's snowflake; the {@code @everyone} role has the guild's id
 * @param guildId     the guild it belongs to
 * @param name        the role name
 * @param permissions Discord permission bits
 */
public record LocalRole(long id, long guildId, String name, long permissions) {}
