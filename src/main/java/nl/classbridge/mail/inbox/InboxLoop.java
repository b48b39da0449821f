package nl.classbridge.mail.inbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads replies as they come: IMAP IDLE where the server offers it, else a look every
 * {@code mail.imap.poll-seconds}. A dropped connection or an unreachable server is tried again
 * after the same wait; it never stops the bot.
 */
public final class InboxLoop {
    private static final Logger LOG = LoggerFactory.getLogger(InboxLoop.class);

    private final ImapInbox inbox;
    private final Duration pollInterval;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread thread;

    public InboxLoop(ImapInbox inbox, Duration pollInterval) {
        this.inbox = inbox;
        this.pollInterval = pollInterval;
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
        while (running) {
            try {
                inbox.pollOnce();
                if (inbox.supportsIdle()) {
                    inbox.idle(pollInterval);
                } else {
                    pause();
                }
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                if (running) {
                    LOG.warn("Reading the mailbox failed ({}); trying again in {} s", e.getClass().getSimpleName(),
                            pollInterval.toSeconds());
                    inbox.close();
                    pause();
                }
            }
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
