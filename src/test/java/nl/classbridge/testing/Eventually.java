package nl.classbridge.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread of the bot makes true (a row in the database),
 * checking often and failing after a bounded time: a wait on a condition, not a fixed sleep.
 */
public final class Eventually {
    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(20).toNanos();

    private Eventually() {}

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }
}
