package nl.classbridge.mail.inbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.classbridge.config.Imap;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.store.MailSeenRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's mailbox over IMAP: takes the mails that arrived since the last look and hands each to
 * a {@link Handler} exactly once (by the folder's UIDVALIDITY and the mail's UID, kept in SQLite).
 * One connection, kept open and re-opened when it drops.
 *
 * <p>No mail can stop the others. Each is claimed in SQLite before it is read; a mail larger than
 * {@code mail.max-message-bytes} is not read at all; a mail whose reading fails in any way,
 * {@link Error}s such as {@link OutOfMemoryError} and {@link StackOverflowError} included, is
 * quarantined: flagged ({@code \Flagged}) and left in the mailbox, logged by its UID only, and
 * never read again. A claim still open at a later look means the bot stopped while reading that
 * mail: it is quarantined then, after a restart too, instead of read again.
 *
 * <p>Mail that was handled leaves the mailbox {@code mail.imap.keep-days} after it was read
 * (flagged {@code \Deleted} and expunged): families' words do not pile up there.
 */
public final class ImapInbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapInbox.class);
    private static final String TIMEOUT_MILLIS = "15000";
    /** Mails expunged at one look at most; the rest go at the next. */
    private static final int EXPUNGE_BATCH = 200;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "classbridge-inbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * One received mail.
     *
     * @param message over IMAP for {@link Handler#tooLarge} and {@link Handler#quarantined} (read only
     *                its From, To, Cc and Subject: they come with the envelope); for {@link Handler#handle}
     *                a copy read whole into memory, within the size limit
     */
    public record Received(long uidValidity, long uid, MimeMessage message) {
        public Received {
            Objects.requireNonNull(message, "message");
        }

        /** The mail's place in this mailbox, e.g. {@code 1712000000:42}: what logs and dedupe keys may name. */
        public String ref() {
            return uidValidity + ":" + uid;
        }
    }

    /** What becomes of a received mail. Each returns a short outcome code for the record, never content. */
    public interface Handler {
        /** A mail within the size limit, read whole. May throw: the mail is then quarantined. */
        String handle(Received mail);

        /** A mail larger than the limit: not read. Tells whom it may concern that one came. */
        String tooLarge(Received mail, long bytes);

        /** A mail whose reading failed and that is now quarantined. Tells whom it may concern. */
        void quarantined(Received mail);
    }

    private final Imap settings;
    private final MailSeenRepository seen;
    private final Handler handler;
    private final Clock clock;
    private final Session copies = Session.getInstance(new Properties());
    private Store store;
    private Folder folder;
    /** Set by {@link #shutDown()}: no connection is opened after it. */
    private volatile boolean shutDown;

    public ImapInbox(Imap settings, MailSeenRepository seen, Handler handler, Clock clock) {
        this.settings = settings;
        this.seen = seen;
        this.handler = handler;
        this.clock = clock;
    }

    /**
     * Handles every new mail once, then removes the mail kept long enough; returns how many mails
     * were handled now (quarantined ones included).
     *
     * @throws MessagingException when the mailbox cannot be reached or the connection drops: the
     *                            mail being read then is left for the next look
     */
    public synchronized int pollOnce() throws MessagingException {
        Folder open = open();
        askWhatIsNew(open);
        UIDFolder uids = (UIDFolder) open;
        long validity = uids.getUIDValidity();
        int handled = quarantineInterrupted(uids, validity);
        long last = seen.lastUid(validity);
        Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.ENVELOPE);
        open.fetch(messages, profile);
        for (Message message : messages) {
            long uid = uids.getUID(message);
            // IMAP answers an empty range with the newest mail; skip what was claimed before.
            if (uid <= last || !seen.claim(validity, uid, clock.instant())) {
                continue;
            }
            Received mail = new Received(validity, uid, (MimeMessage) message);
            String outcome = take(mail, open);
            seen.finish(validity, uid, outcome, clock.instant());
            handled++;
        }
        expungeKept(uids, open, validity);
        return handled;
    }

    /** Reads and handles one mail; whatever goes wrong with the mail itself, quarantines it. */
    private String take(Received mail, Folder open) throws MessagingException {
        String outcome;
        try {
            long size = mail.message().getSize();
            Optional<MimeMessage> whole = size > settings.maxMessageBytes() ? Optional.empty() : copy(mail.message());
            if (whole.isEmpty()) {
                LOG.info("Received mail uid {} is larger than mail.max-message-bytes: not read", mail.uid());
                outcome = handler.tooLarge(mail, Math.max(size, settings.maxMessageBytes() + 1L));
            } else {
                outcome = handler.handle(new Received(mail.uidValidity(), mail.uid(), whole.get()));
            }
        } catch (MessagingException e) {
            if (!open.isOpen() || !store.isConnected()) {
                // The connection dropped, not the mail's fault: it is read again after reconnecting.
                seen.release(mail.uidValidity(), mail.uid());
                throw e;
            }
            return quarantine(mail, e);
        } catch (Throwable e) { // Errors too: a mail must never stop the inbox
            return quarantine(mail, e);
        }
        try {
            mail.message().setFlag(Flags.Flag.SEEN, true);
        } catch (MessagingException | RuntimeException e) {
            // Handled and recorded: the flag only shows people it was read.
            LOG.debug(
                    "Marking received mail uid {} as seen failed: {}",
                    mail.uid(),
                    e.getClass().getSimpleName());
        }
        return outcome;
    }

    /**
     * The whole mail in memory, or empty when it turns out larger than the limit while it is read
     * (a server may state a size that is wrong). A copy can be read at leisure and cannot lose its
     * folder halfway.
     */
    private Optional<MimeMessage> copy(MimeMessage message) throws MessagingException, IOException {
        Limited out = new Limited(settings.maxMessageBytes());
        try {
            message.writeTo(out);
        } catch (Limited.TooLarge e) {
            return Optional.empty();
        }
        return Optional.of(new MimeMessage(copies, new ByteArrayInputStream(out.toByteArray())));
    }

    private String quarantine(Received mail, Throwable cause) {
        String reason = reason(cause);
        LOG.warn(
                "Received mail uid {} quarantined ({}: {}); the inbox goes on with the next mail",
                mail.uid(),
                reason,
                cause.getClass().getSimpleName());
        flag(mail.message());
        try {
            handler.quarantined(mail);
        } catch (Throwable e) { // telling the teacher must not stop the inbox either
            LOG.warn(
                    "Received mail uid {}: the notice about its quarantine failed ({})",
                    mail.uid(),
                    e.getClass().getSimpleName());
        }
        return "quarantined-" + reason;
    }

    /** Flagged and seen, so a person finds it with the mail program's flag filter. */
    private static void flag(MimeMessage message) {
        try {
            message.setFlags(new Flags(Flags.Flag.FLAGGED), true);
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (MessagingException | RuntimeException e) {
            // The record in SQLite is what keeps it from being read again; the flag is for people.
            LOG.debug("Flagging a quarantined mail failed: {}", e.getClass().getSimpleName());
        }
    }

    /** A code for the log: what kind of failure, never its message (it may quote the mail). */
    static String reason(Throwable cause) {
        if (cause instanceof StackOverflowError) {
            return "too-deep";
        }
        if (cause instanceof OutOfMemoryError) {
            return "too-much-memory";
        }
        if (cause instanceof MessagingException || cause instanceof IOException) {
            return "unreadable";
        }
        if (cause instanceof Error) {
            return "error";
        }
        return "failed";
    }

    /** Mails whose reading stopped the bot at an earlier look: quarantined now, never read again. */
    private int quarantineInterrupted(UIDFolder uids, long validity) throws MessagingException {
        List<Long> unfinished = seen.unfinished(validity);
        for (long uid : unfinished) {
            Message message = uids.getMessageByUID(uid);
            if (message == null) {
                seen.finish(validity, uid, "gone", clock.instant());
                continue;
            }
            LOG.warn("Received mail uid {} was being read when the bot stopped: quarantined", uid);
            flag((MimeMessage) message);
            try {
                handler.quarantined(new Received(validity, uid, (MimeMessage) message));
            } catch (Throwable e) { // as above: the inbox goes on
                LOG.warn(
                        "Received mail uid {}: the notice about its quarantine failed ({})",
                        uid,
                        e.getClass().getSimpleName());
            }
            seen.finish(validity, uid, "quarantined-interrupted", clock.instant());
        }
        return unfinished.size();
    }

    /** Removes from the mailbox what was read more than {@code mail.imap.keep-days} ago. */
    private void expungeKept(UIDFolder uids, Folder open, long validity) throws MessagingException {
        Instant now = clock.instant();
        List<Long> old = seen.toExpunge(validity, now.minus(Duration.ofDays(settings.keepDays())), EXPUNGE_BATCH);
        if (old.isEmpty()) {
            return;
        }
        Message[] found =
                uids.getMessagesByUID(old.stream().mapToLong(Long::longValue).toArray());
        List<Message> present = new ArrayList<>();
        for (Message message : found) {
            if (message != null && !message.isExpunged()) {
                message.setFlag(Flags.Flag.DELETED, true);
                present.add(message);
            }
        }
        if (!present.isEmpty()) {
            if (open instanceof org.eclipse.angus.mail.imap.IMAPFolder imap
                    && store instanceof org.eclipse.angus.mail.imap.IMAPStore imapStore
                    && imapStore.hasCapability("UIDPLUS")) {
                imap.expunge(present.toArray(Message[]::new)); // only these, by UID
            } else {
                open.expunge();
            }
        }
        seen.markExpunged(validity, old, now);
        LOG.info("{} received mails kept {} days were removed from the mailbox", present.size(), settings.keepDays());
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
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(
                () -> {
                    try {
                        imap.getMessageCount();
                    } catch (MessagingException | RuntimeException e) {
                        LOG.debug("Ending IDLE: {}", e.getClass().getSimpleName());
                    }
                },
                longest.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            imap.idle(true);
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * Closes for good, at the bot's stop: a look or an IDLE that starts after this fails instead
     * of connecting again. (After {@link #close()} the next look connects again: that is how the
     * loop gets past a dropped connection.) The flag is set before waiting for a look in progress,
     * so the look's thread cannot slip a new connection in.
     */
    public void shutDown() {
        shutDown = true;
        close();
    }

    @Override
    public synchronized void close() {
        try {
            close(folder, store);
        } catch (MessagingException e) {
            LOG.debug("Closing the mailbox: {}", e.getClass().getSimpleName());
        } finally {
            folder = null;
            store = null;
        }
    }

    private Folder open() throws MessagingException {
        if (shutDown) {
            throw new MessagingException("the inbox is shut down");
        }
        if (folder != null && folder.isOpen() && store.isConnected()) {
            return folder;
        }
        close();
        store = connect(settings);
        folder = store.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    /** Closes a folder and its connection, whichever is open: the inbox's own, and {@link ImapMailbox}'s. */
    static void close(Folder folder, Store store) throws MessagingException {
        if (folder != null && folder.isOpen()) {
            folder.close(false);
        }
        if (store != null) {
            store.close();
        }
    }

    /** A connection to the mailbox of {@code settings}: the inbox's own, and {@link ImapMailbox}'s. */
    static Store connect(Imap settings) throws MessagingException {
        String protocol = settings.security() == MailSecurity.SSL ? "imaps" : "imap";
        Store store = Session.getInstance(properties(settings, protocol)).getStore(protocol);
        store.connect(
                settings.host().orElseThrow(),
                settings.port(),
                settings.username(),
                settings.password().map(secret -> secret.reveal()).orElse(""));
        return store;
    }

    /** The connection's timeouts and TLS, for every connection to the mailbox. */
    private static Properties properties(Imap settings, String protocol) {
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

    /** Collects bytes up to a limit, and stops the writer as soon as it is passed. */
    private static final class Limited extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;

        /** Thrown into the writer to stop it; never leaves {@link #copy}. */
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("larger than the limit", null);
            }
        }

        Limited(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (bytes.size() >= limit) {
                throw new TooLarge();
            }
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + len > limit) {
                throw new TooLarge();
            }
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
