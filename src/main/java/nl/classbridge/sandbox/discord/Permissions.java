package nl.classbridge.sandbox.discord;

/** Discord permission bits the seeds use. Values from Discord's permissions table. */
public final class Permissions {
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_SERVER = 1L << 5;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;

    /** What {@code @everyone} may do in a fresh guild, in short: read, write, use commands. */
    public static final long EVERYONE_DEFAULT = VIEW_CHANNEL
            | SEND_MESSAGES
            | ADD_REACTIONS
            | EMBED_LINKS
            | ATTACH_FILES
            | READ_MESSAGE_HISTORY
            | USE_APPLICATION_COMMANDS;

    /** What the bot's own role gets when it is invited with the permissions it asks for. */
    public static final long BOT_DEFAULT = EVERYONE_DEFAULT;

    private Permissions() {}
}
