package nl.classbridge.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.DeliveryChannel;

/**
 * The outbox rows of a check-in: a greeting or reminder by DM, or the questionnaire by email,
 * one per guardian per round. The payload names the round and the request to start with; the
 * text is rendered when the message goes out, in the family's language at that moment.
 */
public final class CheckinMail {
    public static final String GREETING = "checkin-greeting";
    public static final String REMINDER = "checkin-reminder";
    public static final String QUESTIONNAIRE = "checkin-questionnaire";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckinMail() {
    }

    /** The payload of a check-in row. */
    public record Payload(long round, long request) {
    }

    public static OutgoingMessage greeting(long classId, CheckinRound round, CheckinRequest first) {
        return message(classId, round, first, DeliveryChannel.DISCORD_DM, GREETING, "dm");
    }

    /** The one reminder of a round, by DM or by email as the family's request goes. */
    public static OutgoingMessage reminder(long classId, CheckinRound round, CheckinRequest first,
            DeliveryChannel channel) {
        return message(classId, round, first, channel, REMINDER,
                channel == DeliveryChannel.EMAIL ? "reminder-email" : "reminder-dm");
    }

    /**
     * The questionnaire about one child by email. Its dedupe key is the same whether email is the
     * family's own channel, a hand-off from a failed DM, or the follow-up after days without an
     * answer on Discord: a family never gets it twice.
     */
    public static OutgoingMessage questionnaireByEmail(long classId, CheckinRound round, CheckinRequest request) {
        ObjectNode payload = JSON.createObjectNode().put("round", round.id()).put("request", request.id());
        return OutgoingMessage.toGuardian("checkin:" + round.id() + ":request:" + request.id() + ":email",
                classId, request.guardianId(), DeliveryChannel.EMAIL, QUESTIONNAIRE, payload.toString());
    }

    public static Payload payload(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Payload(node.path("round").asLong(), node.path("request").asLong());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a check-in payload", e);
        }
    }

    public static boolean isCheckin(String kind) {
        return List.of(GREETING, REMINDER, QUESTIONNAIRE).contains(kind);
    }

    private static OutgoingMessage message(long classId, CheckinRound round, CheckinRequest first,
            DeliveryChannel channel, String kind, String suffix) {
        ObjectNode payload = JSON.createObjectNode().put("round", round.id()).put("request", first.id());
        return OutgoingMessage.toGuardian("checkin:" + round.id() + ":guardian:" + first.guardianId() + ":" + suffix,
                classId, first.guardianId(), channel, kind, payload.toString());
    }
}
