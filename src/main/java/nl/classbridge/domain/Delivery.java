package nl.classbridge.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One outgoing message to one recipient over one channel: a row of the outbox, written before the
 * message is sent. The dedupe key makes a second row for the same message impossible.
 *
 * @param kind        what the message is, e.g. {@code checkin-question} or {@code class-update}
 * @param payload     what to send, as the sender needs it (rendered text or a small JSON)
 * @param externalId  the Discord message id or the email Message-ID, once known
 * @param handedOffTo the delivery that took over on another channel, if this one was handed off
 * @param inConversation whether it answers what the person just did (see
 *                    {@code OutgoingMessage#inConversation}): sent at once, first, and not held for quiet hours
 */
public record Delivery(
        long id,
        String dedupeKey,
        Optional<Long> classId,
        Optional<Long> guardianId,
        DeliveryChannel channel,
        String kind,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> lastError,
        Optional<String> externalId,
        Optional<Long> handedOffTo,
        Instant createdAt,
        Optional<Instant> sentAt,
        boolean inConversation) {

    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /**
     * When to try again after a temporary failure: 1, 2, 4, ... minutes after {@code now}, at
     * most an hour apart, so a mail server that is down for hours is tried steadily without
     * being hammered.
     */
    public Instant retryAfter(Instant now) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
}
