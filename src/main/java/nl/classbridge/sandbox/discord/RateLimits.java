package nl.classbridge.sandbox.discord;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The rate-limit headers the server answers with, and (when asked for) Discord's limits themselves.
 *
 * <p>By default the limits are generous: every answer says 49 of 50 requests are left in a bucket
 * that resets in a second, and nothing is ever refused; tests look at the bot's own pacing. With
 * {@link #discordLike} the server counts as Discord does: per-route buckets (a bucket per route and
 * top-level resource, with Discord's {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset},
 * {@code -Reset-After} and {@code -Bucket} headers, counting down), and the global limit of 50
 * requests per second, which interaction callbacks and follow-ups do not count toward. A request over
 * a limit gets 429 with {@code retry_after}, as Discord answers it.
 */
final class RateLimits {
    /** Discord's global limit: requests per second per bot. */
    static final int GLOBAL_PER_SECOND = 50;

    /** A route's limit: {@code limit} requests per {@code windowMillis}, counted per top-level resource. */
    record Limit(String bucket, int limit, long windowMillis, String majorParameter) {}

    /** Discord's limits for the routes the bot uses most, as Discord announces them in its headers. */
    private static final Map<String, Limit> DISCORD_LIMITS = Map.of(
            "POST channels/{channel_id}/messages", new Limit("messages-create", 5, 5_000, "channel_id"),
            "PATCH channels/{channel_id}/messages/{message_id}", new Limit("messages-edit", 5, 5_000, "channel_id"),
            "DELETE channels/{channel_id}/messages/{message_id}", new Limit("messages-delete", 5, 1_000, "channel_id"));
    /** Any other route: 50 per second per top-level resource, under the global limit. */
    private static final long DEFAULT_WINDOW_MILLIS = 1_000;

    private static final int DEFAULT_LIMIT = 50;

    private final boolean enforced;
    private final LongSupplier clock;
    private final Map<String, String> bucketHashes = new ConcurrentHashMap<>();
    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new HashMap<>();
    private final Window global = new Window();

    private RateLimits(boolean enforced, LongSupplier clock) {
        this.enforced = enforced;
        this.clock = clock;
    }

    /** Headers only, never a 429 (the default). */
    static RateLimits generous() {
        return new RateLimits(false, System::currentTimeMillis);
    }

    /** Discord's buckets and global limit, counted on {@code clock} (epoch millis). */
    static RateLimits discordLike(LongSupplier clock) {
        return new RateLimits(true, clock);
    }

    boolean enforced() {
        return enforced;
    }

    /** Counts a request to a route and decides whether it may go on. */
    Verdict admit(String method, String template, Function<String, String> pathParameter) {
        if (!enforced) {
            return generous(template);
        }
        long now = clock.getAsLong();
        String key = method + " " + template;
        Limit limit = limits.computeIfAbsent(
                key,
                k -> DISCORD_LIMITS.getOrDefault(
                        k, new Limit(k, DEFAULT_LIMIT, DEFAULT_WINDOW_MILLIS, majorParameterOf(template))));
        String hash = bucketHash(limit.bucket());
        String resource = limit.majorParameter() == null ? "" : pathParameter.apply(limit.majorParameter());
        synchronized (this) {
            if (!isInteraction(template)) {
                global.roll(now, 1_000);
                if (global.used >= GLOBAL_PER_SECOND) {
                    return new Verdict(true, true, hash, limit.limit(), 0, (global.end - now) / 1000.0);
                }
            }
            Window window = windows.computeIfAbsent(hash + ":" + resource, k -> new Window());
            window.roll(now, limit.windowMillis());
            if (window.used >= limit.limit()) {
                return new Verdict(true, false, hash, limit.limit(), 0, (window.end - now) / 1000.0);
            }
            window.used++;
            if (!isInteraction(template)) {
                global.used++;
            }
            return new Verdict(
                    false, false, hash, limit.limit(), limit.limit() - window.used, (window.end - now) / 1000.0);
        }
    }

    /** The headers of an answer that was not counted (an error before the route, or the default mode). */
    Verdict generous(String template) {
        return new Verdict(false, false, Integer.toHexString(template.hashCode()), 50, 49, 1.0);
    }

    /** Interaction callbacks and their webhook follow-ups do not count toward the global limit. */
    private static boolean isInteraction(String template) {
        return template.startsWith("interactions/")
                || template.startsWith("webhooks/{application_id}/{interaction_token}");
    }

    /** The top-level resource of a route, as Discord counts buckets: channel, guild, webhook or interaction. */
    private static String majorParameterOf(String template) {
        for (String major : new String[] {"channel_id", "guild_id", "interaction_token", "webhook_id"}) {
            if (template.contains("{" + major + "}")) {
                return major;
            }
        }
        return null;
    }

    private String bucketHash(String bucket) {
        return bucketHashes.computeIfAbsent(bucket, b -> String.format("%08x", b.hashCode()));
    }

    /** A fixed window: how many requests in it, and when it ends. */
    private static final class Window {
        long end;
        int used;

        void roll(long now, long length) {
            if (now >= end) {
                end = now + length;
                used = 0;
            }
        }
    }

    /**
     * What the server decided about a request, with the bucket's state for the headers.
     *
     * @param limited           refused with 429
     * @param global            refused by the global limit (not the route's)
     * @param resetAfterSeconds when the bucket (or, for a global refusal, the second) resets
     */
    record Verdict(boolean limited, boolean global, String bucket, int limit, int remaining, double resetAfterSeconds) {
        void writeHeaders(RestApi.Exchange exchange) {
            headers(exchange, bucket, limit, remaining, resetAfterSeconds);
        }
    }

    /** Discord's five rate-limit headers, with millisecond precision. */
    static void headers(RestApi.Exchange exchange, String bucket, int limit, int remaining, double resetAfterSeconds) {
        long resetAfterMillis = Math.round(resetAfterSeconds * 1000);
        exchange.header("X-RateLimit-Bucket", bucket);
        exchange.header("X-RateLimit-Limit", Integer.toString(limit));
        exchange.header("X-RateLimit-Remaining", Integer.toString(remaining));
        exchange.header("X-RateLimit-Reset", seconds(System.currentTimeMillis() + resetAfterMillis));
        exchange.header("X-RateLimit-Reset-After", seconds(resetAfterMillis));
    }

    /** Milliseconds as seconds with three decimals, "1.250", without String.format on every answer. */
    static String seconds(long millis) {
        long fraction = millis % 1000;
        return (millis / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
