package nl.classbridge.mail.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FromStringTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.classbridge.config.Imap;
import nl.classbridge.privacy.Mailbox;

/**
 * The bot's mailbox for an erasure: finds every mail from one address (IMAP SEARCH FROM), flags it
 * {@code \Deleted} and expunges it, over a connection of its own, opened for this and closed after,
 * so the inbox's reading is not disturbed. The server's search is a substring match: each hit's From
 * is checked to be exactly that address before it is removed.
 */
public final class ImapMailbox implements Mailbox {
    private final Imap settings;

    public ImapMailbox(Imap settings) {
        this.settings = settings;
    }

    /** The mailbox when IMAP is configured; otherwise there is no mailbox to clean. */
    public static Mailbox of(Imap settings) {
        return settings.configured() ? new ImapMailbox(settings) : Mailbox.NONE;
    }

    @Override
    public List<String> eraseFrom(String address) {
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        Store store = null;
        Folder folder = null;
        try {
            store = ImapInbox.connect(settings);
            folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            List<Message> removed = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            for (Message message : folder.search(new FromStringTerm(wanted))) {
                if (from(message, wanted)) {
                    message.setFlag(Flags.Flag.DELETED, true);
                    removed.add(message);
                    refs.add(validity + ":" + uids.getUID(message));
                }
            }
            if (!removed.isEmpty()) {
                folder.expunge();
            }
            return refs;
        } catch (MessagingException | RuntimeException e) {
            throw new MailboxException(
                    "the mailbox could not be cleaned: " + e.getClass().getSimpleName(), e);
        } finally {
            close(folder, store);
        }
    }

    private static boolean from(Message message, String wanted) throws MessagingException {
        if (message.getFrom() == null) {
            return false;
        }
        for (var sender : message.getFrom()) {
            if (sender instanceof InternetAddress internet
                    && internet.getAddress() != null
                    && internet.getAddress().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static void close(Folder folder, Store store) {
        try {
            ImapInbox.close(folder, store);
        } catch (MessagingException e) {
            // Closing after the work is done: nothing is lost.
        }
    }
}
