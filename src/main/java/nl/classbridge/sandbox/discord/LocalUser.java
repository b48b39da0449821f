package nl.classbridge.sandbox.discord;

/**
 * A Discord user on the local server: a teacher, a parent, or the bot itself.
 *
 * @param id          the user's snowflake
 * @param username    the unique user name
 * @param bot         whether this is a bot account
 * @param displayName the name shown in Discord (Discord's {@code global_name}), or null for none
 */
public record LocalUser(long id, String username, boolean bot, String displayName) {

    public LocalUser(long id, String username, boolean bot) {
        this(id, username, bot, null);
    }

    /** The id as Discord writes it. */
    public String idString() {
        return Long.toUnsignedString(id);
    }

    /** What Discord shows: the display name, else the user name. */
    public String shownName() {
        return displayName == null ? username : displayName;
    }
}
