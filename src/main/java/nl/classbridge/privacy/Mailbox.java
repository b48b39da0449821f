package nl.classbridge.privacy;

import java.util.List;

/**
 * The bot's own mailbox, as an erasure needs it: families' mails stay there until
 * {@code mail.imap.keep-days} have passed, so a family that asks to be forgotten has theirs removed
 * at once. The mail adapter implements it over IMAP; without a mailbox nothing is there to remove.
 */
@FunctionalInterface
public interface Mailbox {
    /** No mailbox configured: nothing to remove. */
    Mailbox NONE = address -> List.of();

    /**
     * Removes every mail from {@code address} from the mailbox for good.
     *
     * @return the places of the removed mails ({@code uidvalidity:uid}), as notes about them are keyed
     * @throws MailboxException when the mailbox cannot be reached; the mails then stay
     */
    List<String> eraseFrom(String address);

    /** The mailbox could not be reached or refused the removal. */
    final class MailboxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MailboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
