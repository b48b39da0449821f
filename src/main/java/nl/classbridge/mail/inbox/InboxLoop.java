package nl.classbridge.mail.inbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads replies as they come: IMAP IDLE where the server offers it, else a look every
 * {@code mail.imap.poll-seconds}. A dropped connection, an unreachable server, and anything else
 * that goes wrong, {@link Error}s included, is logged (its kind only) and tried again after the
 * same wait: the loop ends only when the bot stops, and a mail that breaks reading is quarantined
 * by {@link ImapInbox}, so it cannot break it again.
 */
public final class InboxLoop {
    private static final Logger LOG = LoggerFactory.getLogger(InboxLoop.class);

    private final ImapInbox inbox;
    private final Duration pollInterval;
    private final Runnable afterEachRead;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread thread;

    public InboxLoop(ImapInbox inbox, Duration pollInterval) {
        this(inbox, pollInterval, () -> {});
    }

    /** {@code afterEachRead} runs after every look in the mailbox that went through (for the health check). */
    public InboxLoop(ImapInbox inbox, Duration pollInterval, Runnable afterEachRead) {
        this.inbox = inbox;
        this.pollInterval = pollInterval;
        this.afterEachRead = afterEachRead;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "classbridge-inbox");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        inbox.shutDown(); // ends a waiting IDLE, and no new connection is opened after it
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run() {
        LOG.info("Reading replies from the mailbox");
        while (running) {
            try {
                inbox.pollOnce();
                afterEachRead.run();
                if (inbox.supportsIdle()) {
                    inbox.idle(pollInterval);
                } else {
                    pause();
                }
            } catch (Throwable e) { // Errors too: the loop outlives whatever one look runs into
                if (running) {
                    LOG.warn(
                            "Reading the mailbox failed ({}); the inbox loop goes on and tries again in {} s",
                            e.getClass().getSimpleName(),
                            pollInterval.toSeconds());
                    closeQuietly();
                    pause();
                }
            }
        }
        LOG.info("Stopped reading replies");
    }

    private void closeQuietly() {
        try {
            inbox.close();
        } catch (Throwable e) { // as above
            LOG.debug("Closing the mailbox failed: {}", e.getClass().getSimpleName());
        }
    }

    private void pause() {
        synchronized (wakeUp) {
            if (!running) {
                return;
            }
            try {
                wakeUp.wait(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
