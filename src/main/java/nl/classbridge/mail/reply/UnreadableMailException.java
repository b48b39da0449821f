package nl.classbridge.mail.reply;

/**
 * A received mail could not be read at all. The message names only the kind of failure, never
 * anything of the mail itself.
 */
public final class UnreadableMailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableMailException(String kind) {
        super("the mail could not be read: " + kind);
    }
}
