package nl.classbridge.sandbox.discord;

/**
 * A Discord user on the local server: a teacher, a parent, or the bot itself.
 *
 * @param id       the user's snowflake
 * @param username the unique user name
 * @param bot      whether this is a bot account
 */
public record LocalUser(long id, String username, boolean bot) {

    /** The id as Discord writes it. */
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
