package nl.classbridge.mail.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Properties;
import nl.classbridge.config.Imap;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.store.MailSeenRepository;
import nl.classbridge.logs.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's mailbox over IMAP: takes the mails that arrived since the last look and hands each to
 * a {@link Handler} exactly once (by the folder's UIDVALIDITY and the mail's UID, kept in
 * SQLite), then flags it as seen. One connection, kept open and re-opened when it drops.
 */
public final class ImapInbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapInbox.class);
    private static final String TIMEOUT_MILLIS = "15000";
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "classbridge-inbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Handles one received mail; returns a short outcome code for the record (never content). */
    @FunctionalInterface
    public interface Handler {
        String handle(MimeMessage message);
    }

    private final Imap settings;
    private final MailSeenRepository seen;
    private final Handler handler;
    private final Clock clock;
    private Store store;
    private Folder folder;

    public ImapInbox(Imap settings, MailSeenRepository seen, Handler handler, Clock clock) {
        this.settings = settings;
        this.seen = seen;
        this.handler = handler;
        this.clock = clock;
    }

    /** Handles every new mail once; returns how many were handled now. */
    public synchronized int pollOnce() throws MessagingException {
        Folder open = open();
        askWhatIsNew(open);
        long validity = ((UIDFolder) open).getUIDValidity();
        long last = seen.lastUid(validity);
        Message[] messages = ((UIDFolder) open).getMessagesByUID(last + 1, UIDFolder.MAXUID);
        int handled = 0;
        for (Message message : messages) {
            long uid = ((UIDFolder) open).getUID(message);
            // IMAP answers an empty range with the newest mail; skip what was handled before.
            if (uid <= last || seen.processed(validity, uid)) {
                continue;
            }
            String outcome;
            try {
                outcome = handler.handle((MimeMessage) message);
            } catch (RuntimeException e) {
                // Never retried: a mail that breaks the handler would break it at every look.
                LOG.error("A received mail (uid {}) could not be handled: {}", uid, Failure.code(e), Failure.withoutText(e));
                outcome = "error";
            }
            if (seen.markProcessed(validity, uid, outcome, clock.instant())) {
                handled++;
            }
            message.setFlag(Flags.Flag.SEEN, true);
        }
        return handled;
    }

    /**
     * An explicit NOOP: the server answers with the mails that arrived since. Jakarta Mail skips
     * its own NOOP when the connection was used less than a second ago, which would hide them.
     */
    private static void askWhatIsNew(Folder open) throws MessagingException {
        if (open instanceof org.eclipse.angus.mail.imap.IMAPFolder imap) {
            imap.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } else {
            open.getMessageCount();
        }
    }

    /** Whether the server can tell us about new mail at once (IMAP IDLE). */
    public synchronized boolean supportsIdle() throws MessagingException {
        open();
        return store instanceof org.eclipse.angus.mail.imap.IMAPStore imap && imap.hasCapability("IDLE");
    }

    /**
     * Waits on the server until something changes in the folder (IDLE), at most {@code longest}:
     * a server may miss telling us, and IDLE must be renewed before servers drop it (~30 min).
     * Returns at once without IDLE.
     */
    public void idle(Duration longest) throws MessagingException {
        Folder open;
        synchronized (this) {
            open = open();
        }
        if (!(open instanceof org.eclipse.angus.mail.imap.IMAPFolder imap) || !supportsIdle()) {
            return;
        }
        // Any call on the folder from another thread ends a running IDLE.
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            try {
                imap.getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("Ending IDLE: {}", e.getClass().getSimpleName());
            }
        }, longest.toMillis(), TimeUnit.MILLISECONDS);
        try {
            imap.idle(true);
        } finally {
            watchdog.cancel(false);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            LOG.debug("Closing the mailbox: {}", e.getClass().getSimpleName());
        } finally {
            folder = null;
            store = null;
        }
    }

    private Folder open() throws MessagingException {
        if (folder != null && folder.isOpen() && store.isConnected()) {
            return folder;
        }
        close();
        String protocol = settings.security() == MailSecurity.SSL ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol));
        store = session.getStore(protocol);
        store.connect(settings.host().orElseThrow(), settings.port(), settings.username(),
                settings.password().map(secret -> secret.reveal()).orElse(""));
        folder = store.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    private Properties properties(String protocol) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        properties.put(prefix + "timeout", TIMEOUT_MILLIS);
        properties.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        if (settings.security() == MailSecurity.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.security() != MailSecurity.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
