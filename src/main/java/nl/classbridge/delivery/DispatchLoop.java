package nl.classbridge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import nl.classbridge.logs.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Dispatcher} in production, on one thread of its own: puts interrupted rows back
 * first, then runs a pass, waits until {@link Dispatcher#nextWakeUp()} or a {@link #wake()}, and
 * again. All decisions are the dispatcher's; this class only waits.
 */
public final class DispatchLoop {
    /** Looks again at least this often, for rows committed without a wake-up. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** After an unexpected error (the disk, a bug), before the next pass. */
    static final Duration AFTER_ERROR = Duration.ofSeconds(10);

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private boolean running;
    private Thread thread;

    public DispatchLoop(Dispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Starts the loop thread; the first thing it does is {@link Dispatcher#recoverInterrupted()}. */
    public void start() {
        lock.lock();
        try {
            if (thread != null) {
                throw new IllegalStateException("already started");
            }
            running = true;
            thread = new Thread(this::run, "classbridge-outbox");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a pass now; called after enqueueing (see {@link Outbox#whenEnqueued}). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops as {@link #stop(Duration)} does, waiting at most ten seconds for a send in progress. */
    public void stop() throws InterruptedException {
        stop(STOP_WAIT);
    }

    /**
     * Stops after the send in progress, if any, waiting at most {@code timeout} for it. A send that
     * hangs longer is let go: its row goes back in the queue ({@link Dispatcher#releaseInFlight()})
     * and is sent at the next start with the same nonce or Message-ID, as after a crash.
     */
    public void stop(Duration timeout) throws InterruptedException {
        Thread running;
        lock.lock();
        try {
            this.running = false;
            signal.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.join(Math.max(1, timeout.toMillis()));
            if (running.isAlive()) {
                running.interrupt();
                dispatcher.releaseInFlight();
            }
        }
    }

    private void run() {
        if (!ignoringErrors(dispatcher::recoverInterrupted)) {
            awaitUpTo(AFTER_ERROR);
        }
        while (isRunning()) {
            boolean ok = ignoringErrors(() -> dispatcher.dispatchDue(this::isRunning));
            Duration wait = ok ? untilNextWakeUp() : AFTER_ERROR;
            awaitUpTo(wait);
        }
    }

    private Duration untilNextWakeUp() {
        Instant next = dispatcher.nextWakeUp();
        Instant now = clock.instant();
        if (!next.isAfter(now)) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, next);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private boolean ignoringErrors(Runnable pass) {
        try {
            pass.run();
            return true;
        } catch (RuntimeException e) {
            // The outbox keeps every row; the next pass picks up where this one stopped.
            LOG.error(
                    "outbox pass failed ({}); trying again in {} s",
                    Failure.code(e),
                    AFTER_ERROR.toSeconds(),
                    Failure.withoutText(e));
            return false;
        }
    }

    private void awaitUpTo(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (running && !woken && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }
}
