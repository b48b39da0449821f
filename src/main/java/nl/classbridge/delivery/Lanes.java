package nl.classbridge.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import nl.classbridge.domain.DeliveryChannel;

/**
 * When each channel may send next. DMs are spaced evenly at the configured rate, so no second ever
 * holds more than the rate allows, however the passes fall; a wait the other side asked for (a
 * 429's {@code retry_after}) closes a whole channel until then. Kept in memory: after a restart
 * the worst case is one burst of the rate.
 */
final class Lanes {
    private final Duration dmSpacing;
    private final Map<DeliveryChannel, Instant> openFrom = new EnumMap<>(DeliveryChannel.class);

    Lanes(double dmPerSecond) {
        if (!(dmPerSecond > 0) || Double.isInfinite(dmPerSecond)) {
            throw new IllegalArgumentException("dm-per-second must be a positive number");
        }
        this.dmSpacing = Duration.ofNanos(Math.round(1_000_000_000L / dmPerSecond));
    }

    /** The first instant the channel may send again; {@link Instant#MIN} when it is open. */
    Instant openFrom(DeliveryChannel channel) {
        return openFrom.getOrDefault(channel, Instant.MIN);
    }

    boolean open(DeliveryChannel channel, Instant now) {
        return !now.isBefore(openFrom(channel));
    }

    /** A request went out on {@code channel} at {@code now}. */
    void used(DeliveryChannel channel, Instant now) {
        if (channel == DeliveryChannel.DISCORD_DM) {
            closeUntil(channel, now.plus(dmSpacing));
        }
    }

    /** Nothing goes out on {@code channel} before {@code until}. */
    void closeUntil(DeliveryChannel channel, Instant until) {
        openFrom.merge(channel, until, (a, b) -> a.isAfter(b) ? a : b);
    }
}
