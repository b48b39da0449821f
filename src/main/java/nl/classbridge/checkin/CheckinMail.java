package nl.classbridge.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.DeliveryChannel;

/**
 * The outbox rows of a check-in: a greeting or reminder by DM, or the questionnaire by email,
 * one per guardian per round; and the conversation's own DMs where there is no interaction to
 * respond to (the next child's greeting after Done, the bot's answer to a typed message). The
 * payload names the round and the request; the text is rendered when the message goes out, in the
 * family's language at that moment.
 */
public final class CheckinMail {
    public static final String GREETING = "checkin-greeting";
    public static final String REMINDER = "checkin-reminder";
    public static final String QUESTIONNAIRE = "checkin-questionnaire";
    public static final String CONFIRMATION = "checkin-confirmation";
    public static final String ROUND_CLOSED = "checkin-round-closed";
    /** The greeting about a family's next child, in the conversation after Done on the one before. */
    public static final String NEXT_GREETING = "checkin-next-greeting";
    /** The step a typed answer led to (the next question, the summary), with its buttons. */
    public static final String STEP = "checkin-step";
    /** A short text answering a typed message: not understood, nothing open, not (or no longer) linked. */
    public static final String ANSWER = "checkin-answer";
    /** The position of a {@link #STEP} that is the greeting: the check-in was not started. */
    public static final int GREETING_POSITION = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckinMail() {}

    /** The payload of a check-in row. */
    public record Payload(long round, long request) {}

    public static OutgoingMessage greeting(long classId, CheckinRound round, CheckinRequest first) {
        return message(
                DedupeKeys.greeting(round.id(), first.guardianId()),
                classId,
                round,
                first,
                DeliveryChannel.DISCORD_DM,
                GREETING);
    }

    /** The one reminder of a round, by DM or by email as the family's request goes. */
    public static OutgoingMessage reminder(
            long classId, CheckinRound round, CheckinRequest first, DeliveryChannel channel) {
        return message(
                DedupeKeys.reminder(round.id(), first.guardianId(), channel), classId, round, first, channel, REMINDER);
    }

    /**
     * The questionnaire about one child by email. Its dedupe key is the same whether email is the
     * family's own channel, a hand-off from a failed DM, or the follow-up after days without an
     * answer on Discord: a family never gets it twice.
     */
    public static OutgoingMessage questionnaireByEmail(long classId, CheckinRound round, CheckinRequest request) {
        ObjectNode payload = JSON.createObjectNode().put("round", round.id()).put("request", request.id());
        return OutgoingMessage.toGuardian(
                DedupeKeys.questionnaireEmail(round.id(), request.id()),
                classId,
                request.guardianId(),
                DeliveryChannel.EMAIL,
                QUESTIONNAIRE,
                payload.toString());
    }

    /** The payload of a check-in row about {@code requestId}, as {@link #payload} reads it. */
    public static String payloadFor(long roundId, long requestId) {
        return JSON.createObjectNode()
                .put("round", roundId)
                .put("request", requestId)
                .toString();
    }

    /** Whether a row greets or reminds a guardian once per round, rather than being about one child. */
    public static boolean oncePerGuardian(String kind) {
        return GREETING.equals(kind) || REMINDER.equals(kind);
    }

    public static Payload payload(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Payload(node.path("round").asLong(), node.path("request").asLong());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a check-in payload", e);
        }
    }

    /** Whether a row is about one request of a round (its payload names them). */
    public static boolean isCheckin(String kind) {
        return List.of(GREETING, REMINDER, QUESTIONNAIRE, CONFIRMATION, ROUND_CLOSED, NEXT_GREETING, STEP)
                .contains(kind);
    }

    /** The greeting about the family's next child, once per request however often Done arrives. */
    public static OutgoingMessage nextChildGreeting(long classId, CheckinRound round, CheckinRequest next) {
        return OutgoingMessage.toGuardian(
                        DedupeKeys.nextChildGreeting(round.id(), next.id()),
                        classId,
                        next.guardianId(),
                        DeliveryChannel.DISCORD_DM,
                        NEXT_GREETING,
                        payloadFor(round.id(), next.id()))
                .inTheConversation();
    }

    /**
     * The step a typed message led to, at {@code position} in the questionnaire (or
     * {@link #GREETING_POSITION}); one per typed message, by the message's id.
     */
    public static OutgoingMessage step(
            String typedMessageId, long classId, CheckinRound round, CheckinRequest request, int position) {
        String payload = JSON.createObjectNode()
                .put("round", round.id())
                .put("request", request.id())
                .put("position", position)
                .toString();
        return OutgoingMessage.toGuardian(
                        DedupeKeys.answerToDirectMessage(typedMessageId),
                        classId,
                        request.guardianId(),
                        DeliveryChannel.DISCORD_DM,
                        STEP,
                        payload)
                .inTheConversation();
    }

    /** Where in the questionnaire a {@link #STEP} row is. */
    public static int position(String json) {
        try {
            return JSON.readTree(json).path("position").asInt(GREETING_POSITION);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a check-in step", e);
        }
    }

    /**
     * A text answering a typed message, one per typed message.
     *
     * @param discordUserId who typed it, and gets the answer
     * @param guardianId    the family, when the person is one
     * @param request       the check-in it is about, when there is one: then it is said in the family's
     *                      language, else in the school's
     */
    public static OutgoingMessage answer(
            String typedMessageId,
            long discordUserId,
            Optional<Long> guardianId,
            Optional<CheckinRequest> request,
            String messageKey,
            Map<String, ?> values) {
        ObjectNode payload = JSON.createObjectNode().put("user", discordUserId).put("key", messageKey);
        request.ifPresent(about -> payload.put("round", about.roundId()).put("request", about.id()));
        ObjectNode filled = payload.putObject("values");
        values.forEach((name, value) -> filled.put(name, String.valueOf(value)));
        return new OutgoingMessage(
                DedupeKeys.answerToDirectMessage(typedMessageId),
                Optional.empty(),
                guardianId,
                DeliveryChannel.DISCORD_DM,
                ANSWER,
                payload.toString(),
                true);
    }

    /** The parts of an {@link #ANSWER} row. */
    public record Answer(long userId, String messageKey, Map<String, String> values, Optional<Long> request) {}

    public static Answer answerOf(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, String> values = new LinkedHashMap<>();
            node.path("values")
                    .properties()
                    .forEach(
                            field -> values.put(field.getKey(), field.getValue().asText()));
            Optional<Long> request =
                    node.hasNonNull("request") ? Optional.of(node.get("request").asLong()) : Optional.empty();
            return new Answer(node.path("user").asLong(), node.path("key").asText(), values, request);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an answer payload", e);
        }
    }

    /**
     * The confirmation of an email reply: what was understood, in the family's words. One per
     * reply (keyed by the reply's own Message-ID), answering that reply.
     */
    public static OutgoingMessage confirmation(
            long classId,
            CheckinRound round,
            CheckinRequest request,
            String replyMessageId,
            List<String> understood,
            boolean unreadable) {
        ObjectNode payload = JSON.createObjectNode()
                .put("round", round.id())
                .put("request", request.id())
                .put("reply", replyMessageId)
                .put("unreadable", unreadable);
        understood.forEach(payload.putArray("understood")::add);
        return OutgoingMessage.toGuardian(
                DedupeKeys.confirmation(round.id(), replyMessageId),
                classId,
                request.guardianId(),
                DeliveryChannel.EMAIL,
                CONFIRMATION,
                payload.toString());
    }

    /**
     * The answer to a family's reply that came after the round closed: nothing was saved. Once per
     * request, however often they reply.
     */
    public static OutgoingMessage roundClosed(long classId, CheckinRound round, CheckinRequest request) {
        ObjectNode payload = JSON.createObjectNode().put("round", round.id()).put("request", request.id());
        return OutgoingMessage.toGuardian(
                DedupeKeys.roundClosed(round.id(), request.id()),
                classId,
                request.guardianId(),
                DeliveryChannel.EMAIL,
                ROUND_CLOSED,
                payload.toString());
    }

    /** The parts of a confirmation's payload. */
    public record Confirmation(String reply, List<String> understood, boolean unreadable) {}

    public static Confirmation confirmationOf(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> understood = new java.util.ArrayList<>();
            node.path("understood").forEach(line -> understood.add(line.asText()));
            return new Confirmation(
                    node.path("reply").asText(),
                    understood,
                    node.path("unreadable").asBoolean());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a confirmation payload", e);
        }
    }

    private static OutgoingMessage message(
            String dedupeKey,
            long classId,
            CheckinRound round,
            CheckinRequest first,
            DeliveryChannel channel,
            String kind) {
        ObjectNode payload = JSON.createObjectNode().put("round", round.id()).put("request", first.id());
        return OutgoingMessage.toGuardian(dedupeKey, classId, first.guardianId(), channel, kind, payload.toString());
    }
}
