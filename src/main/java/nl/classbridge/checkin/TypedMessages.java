package nl.classbridge.checkin;

import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Guardian;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * What people type to the bot in a DM, and the bot's answer. A typed message is not an interaction:
 * there is nothing to respond to, so every answer is an outbox row (in the conversation: sent at once
 * and first), queued in the same transaction that stores the typed answer. One answer per typed
 * message, by the message's id: a message that arrives twice is handled once.
 *
 * <p>A parent gets the next step of their check-in, or a word that the answer was not understood, or
 * that nothing is open; someone who is not (or no longer) a parent gets a word saying so.
 */
public final class TypedMessages {
    private final Database database;
    private final GuardianRepository guardians;
    private final CheckinRepository checkins;
    private final DeliveryRepository deliveries;
    private final Conversations conversations;
    private final Outbox outbox;

    public TypedMessages(
            Database database,
            GuardianRepository guardians,
            CheckinRepository checkins,
            DeliveryRepository deliveries,
            Conversations conversations,
            Outbox outbox) {
        this.database = database;
        this.guardians = guardians;
        this.checkins = checkins;
        this.deliveries = deliveries;
        this.conversations = conversations;
        this.outbox = outbox;
    }

    /**
     * A message {@code discordUserId} typed, with the id Discord gave it.
     *
     * @return the reply to it, or empty when this message was handled before
     */
    public Optional<Reply> received(long discordUserId, String messageId, String text) {
        return database.transaction(() -> {
            if (deliveries
                    .findByKey(DedupeKeys.answerToDirectMessage(messageId))
                    .isPresent()) {
                return Optional.empty();
            }
            Optional<Guardian> guardian = guardians.findByDiscordUser(discordUserId);
            if (guardian.isEmpty()) {
                // Never linked, or removed by the teacher: either way nothing of a class is theirs.
                outbox.enqueue(CheckinMail.answer(
                        messageId, discordUserId, Optional.empty(), Optional.empty(), "checkin.not-linked", Map.of()));
                return Optional.of(new Reply.NoLongerLinked());
            }
            Reply reply = conversations.typed(guardian.get().id(), text);
            outbox.enqueue(
                    answer(reply, messageId, discordUserId, guardian.get().id()));
            return Optional.of(reply);
        });
    }

    private OutgoingMessage answer(Reply reply, String messageId, long discordUserId, long guardianId) {
        if (reply instanceof Reply.Show show) {
            CheckinRound round = show.round();
            int position = show.step() instanceof Step.Greeting
                    ? CheckinMail.GREETING_POSITION
                    : show.request().position();
            return CheckinMail.step(messageId, round.classId(), round, show.request(), position);
        }
        if (reply instanceof Reply.Refused refused) {
            Optional<CheckinRequest> about = Optional.of(refused.request());
            return refused.why() instanceof AnswerCheck.TooLong tooLong
                    ? CheckinMail.answer(
                            messageId,
                            discordUserId,
                            Optional.of(guardianId),
                            about,
                            "checkin.answer-too-long",
                            Map.of("max", tooLong.maxLength()))
                    : CheckinMail.answer(
                            messageId,
                            discordUserId,
                            Optional.of(guardianId),
                            about,
                            "checkin.answer-unclear",
                            Map.of());
        }
        String key = reply instanceof Reply.NoLongerLinked ? "checkin.no-longer-linked" : "checkin.nothing-open";
        return CheckinMail.answer(messageId, discordUserId, Optional.of(guardianId), Optional.empty(), key, Map.of());
    }
}
