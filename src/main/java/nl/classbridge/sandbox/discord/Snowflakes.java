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

    static String iso(long snowflake) {
        return java.time.Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH).toString();
    }
}
