package nl.classbridge.sandbox.discord;

/**
 * A text channel in a seeded guild, or a DM channel between the bot and one user.
 *
 * @param id          the channel's snowflake
 * @param guildId     the guild, or 0 for a DM channel
 * @param name        the channel name; empty for a DM channel
 * @param recipientId the other user of a DM channel, or 0 for a guild channel
 */
public record LocalChannel(long id, long guildId, String name, long recipientId) {

    /** Discord's channel types: 0 guild text, 1 DM. */
    public int type() {
        return isDirect() ? 1 : 0;
    }

    public boolean isDirect() {
        return guildId == 0;
    }
}
