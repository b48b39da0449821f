package nl.classbridge.delivery;

import java.util.Objects;
import java.util.Optional;
import nl.classbridge.domain.DeliveryChannel;

/**
 * A message a feature wants sent, before it is in the outbox.
 *
 * @param dedupeKey  what makes this message unique, e.g. {@code round:7:guardian:12}: asking twice
 *                   with the same key (a retried command, a run repeated after a crash) sends once
 * @param classId    the class it is about; for a channel post, the class whose channel it goes to
 * @param guardianId the guardian it goes to; empty for a channel post or a message to the teacher
 * @param kind       what the message is, e.g. {@code checkin-question}, for the delivery report
 * @param payload    opaque to the outbox: the feature renders it, the channel's sender reads it
 * @param inConversation whether it answers what the person did a moment ago in a conversation with the
 *                   bot (the next question after a typed answer, the next child's greeting after Done):
 *                   it goes out at once, before bulk messages on its channel, and is not held for quiet
 *                   hours, because the person is there waiting for it
 */
public record OutgoingMessage(
        String dedupeKey,
        Optional<Long> classId,
        Optional<Long> guardianId,
        DeliveryChannel channel,
        String kind,
        String payload,
        boolean inConversation) {

    /** A message the outbox sends in its turn and outside quiet hours. */
    public OutgoingMessage(
            String dedupeKey,
            Optional<Long> classId,
            Optional<Long> guardianId,
            DeliveryChannel channel,
            String kind,
            String payload) {
        this(dedupeKey, classId, guardianId, channel, kind, payload, false);
    }

    public OutgoingMessage {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(guardianId, "guardianId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        if (dedupeKey.isBlank()) {
            throw new IllegalArgumentException("a dedupe key is required: without one a retry would send twice");
        }
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    /** A private message or email to one guardian. */
    public static OutgoingMessage toGuardian(
            String dedupeKey, long classId, long guardianId, DeliveryChannel channel, String kind, String payload) {
        return new OutgoingMessage(dedupeKey, Optional.of(classId), Optional.of(guardianId), channel, kind, payload);
    }

    /** The same message as one in a conversation the person is having now (see {@link #inConversation}). */
    public OutgoingMessage inTheConversation() {
        return new OutgoingMessage(dedupeKey, classId, guardianId, channel, kind, payload, true);
    }

    /** A post in the class channel. */
    public static OutgoingMessage toClassChannel(String dedupeKey, long classId, String kind, String payload) {
        return new OutgoingMessage(
                dedupeKey, Optional.of(classId), Optional.empty(), DeliveryChannel.DISCORD_CHANNEL, kind, payload);
    }
}
