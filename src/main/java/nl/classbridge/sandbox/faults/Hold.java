package nl.classbridge.sandbox.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault for the local servers (Discord, mail): one request, after {@code skip} others, is taken
 * and stored as usual, but the answer to the client is held back until {@link #release()}. That is
 * the one moment a test cannot make by timing: the other side has the message, the bot has not
 * heard so yet, and the bot dies now.
 *
 * <p>Only one request is ever held; later ones pass. A hold is given up by itself after
 * {@link #LONGEST}, so a forgotten one never hangs a server.
 */
public final class Hold {
    static final Duration LONGEST = Duration.ofMinutes(2);

    private final int skip;
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Holds the answer to the request after the first {@code skip} that reach it. */
    public Hold(int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative");
        }
        this.skip = skip;
    }

    /**
     * Called by the server once it has taken a request, before it answers: returns at once, or,
     * for the one request held, after {@link #release()}.
     */
    public void pass() {
        if (seen.getAndIncrement() != skip) {
            return;
        }
        held.countDown();
        try {
            released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a request is held; false if none came within {@code timeout}. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isHeld() {
        return held.getCount() == 0 && released.getCount() == 1;
    }

    /** Lets the held answer go (to a client that may be gone by now); later requests pass too. */
    public void release() {
        released.countDown();
    }
}
