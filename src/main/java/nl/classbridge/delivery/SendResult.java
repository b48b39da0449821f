package nl.classbridge.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Sender} made of one attempt. Every reason is a short code such as {@code dm-closed},
 * {@code http-503} or {@code smtp-421}: it is stored in the outbox and logged, so it must never
 * carry message text, names or addresses. A reason that does not look like a code is refused.
 */
public sealed interface SendResult {

    /** Out; {@code externalId} is the Discord message id or Message-ID, if the sender learned it. */
    record Sent(Optional<String> externalId) implements SendResult {
        public Sent {
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /**
     * Not now, maybe later: a timeout, a 5xx, a 429, an SMTP 4xx, a refused connection.
     * {@code after} is the wait the other side asked for (Discord's {@code retry_after}); it
     * holds back the whole lane, not only this message.
     */
    record RetryLater(String reason, Optional<Duration> after) implements SendResult {
        public RetryLater {
            ReasonCode.check(reason);
            Objects.requireNonNull(after, "after");
            if (after.isPresent() && after.get().isNegative()) {
                throw new IllegalArgumentException("after must not be negative");
            }
        }
    }

    /**
     * The other side asked us to wait ({@code reason} like {@code http-429}): not a failure of this
     * message, so no attempt is used up. The whole lane waits {@code after}, then this message goes
     * at its turn. The wait is on the outbox's clock, so it never blocks the other channels.
     */
    record RateLimited(String reason, Duration after) implements SendResult {
        public RateLimited {
            ReasonCode.check(reason);
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("after must not be negative");
            }
        }
    }

    /**
     * This recipient cannot get messages on this channel: closed DMs (50007), no mutual server,
     * 50278, a permanent SMTP 5xx or a bounce. Never retried on the same channel.
     */
    record Unreachable(String reason) implements SendResult {
        public Unreachable {
            ReasonCode.check(reason);
        }
    }

    /** A permanent failure that looks like a bug (a payload the sender cannot read, a 400). */
    record Failed(String reason) implements SendResult {
        public Failed {
            ReasonCode.check(reason);
        }
    }

    static Sent sent(String externalId) {
        return new Sent(Optional.of(externalId));
    }

    static RetryLater retryLater(String reason) {
        return new RetryLater(reason, Optional.empty());
    }

    static RetryLater retryAfter(String reason, Duration after) {
        return new RetryLater(reason, Optional.of(after));
    }
}
