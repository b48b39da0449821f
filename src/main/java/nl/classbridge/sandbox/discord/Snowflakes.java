package nl.classbridge.sandbox.discord;

import java.util.concurrent.atomic.AtomicLong;

/** Makes Discord-style ids: milliseconds since Discord's epoch in the top bits, so JDA's time-from-id works. */
final class Snowflakes {
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final AtomicLong last = new AtomicLong();

    long next() {
        long timeBased = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return last.updateAndGet(previous -> Math.max(previous + 1, timeBased));
    }

    /** A lower bound for the next id; chosen ids below it are never generated. */
    long peek() {
        return Math.max(last.get() + 1, (System.currentTimeMillis() - DISCORD_EPOCH) << 22);
    }

    /** The {@code sequence}-th id made at {@code at}: the same every time, for ids that must not change. */
    static long at(java.time.Instant at, int sequence) {
        return ((at.toEpochMilli() - DISCORD_EPOCH) << 22) | (sequence & 0x3FFFFF);
    }

    static String iso(long snowflake) {
        return java.time.Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH)
                .toString();
    }
}
