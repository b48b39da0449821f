package nl.classbridge.sandbox.discord;

/**
 * A Discord user on the local server: a teacher, a parent, or the bot itself.
 *
 * @param id          the user's snowflake
 * @param username    the unique user name
 * @param bot         whether this is a bot account
 * @param displayName the name shown in Discord (Discord's {@code global_name}), or null for none
 * @param locale      the language their Discord app is set to, as interactions carry it ({@code "nl"},
 *                    {@code "en-US"}, ...): a Dutch school's users are Dutch unless a test says otherwise
 */
public record LocalUser(long id, String username, boolean bot, String displayName, String locale) {
    public static final String DEFAULT_LOCALE = "nl";

    public LocalUser(long id, String username, boolean bot, String displayName) {
        this(id, username, bot, displayName, DEFAULT_LOCALE);
    }

    public LocalUser(long id, String username, boolean bot) {
        this(id, username, bot, null);
    }

    /** This user with their Discord app set to {@code locale}. */
    public LocalUser withLocale(String locale) {
        return new LocalUser(id, username, bot, displayName, locale);
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
