package nl.classbridge.updates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.DeliveryChannel;

/**
 * The outbox rows of a class update: one post in the class channel, with the text rendered when
 * the run happened (so it is what the preview showed), and one email copy per family that reads
 * email, which names the highlights so it is rendered in the family's language when it goes out.
 * Dedupe keys are the class and the run's instant: a repeated run makes no second row.
 */
public final class UpdateMail {
    public static final String POST = "class-update";
    public static final String EMAIL_COPY = "class-update-email";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpdateMail() {}

    /**
     * The payload of the channel post; {@code highlightIds} name what it shares, so the "🌐 In my
     * language" button can compose it again in a family's language (empty in posts made before).
     */
    public record Post(long classId, Instant runAt, String text, List<Long> highlightIds) {}

    /** The payload of one email copy. */
    public record EmailCopy(long classId, Instant runAt, List<Long> highlightIds) {}

    public static OutgoingMessage post(long classId, Instant runAt, String text) {
        return post(classId, runAt, text, List.of());
    }

    public static OutgoingMessage post(long classId, Instant runAt, String text, List<Long> highlightIds) {
        ObjectNode payload = JSON.createObjectNode()
                .put("classId", classId)
                .put("runAt", runAt.toString())
                .put("text", text);
        highlightIds.forEach(payload.putArray("highlightIds")::add);
        return OutgoingMessage.toClassChannel(
                DedupeKeys.update(classId, runAt, "channel"), classId, POST, payload.toString());
    }

    public static OutgoingMessage emailCopy(long classId, Instant runAt, long guardianId, List<Long> highlightIds) {
        ObjectNode payload = JSON.createObjectNode().put("classId", classId).put("runAt", runAt.toString());
        highlightIds.forEach(payload.putArray("highlightIds")::add);
        return OutgoingMessage.toGuardian(
                DedupeKeys.updateEmail(classId, runAt, guardianId),
                classId,
                guardianId,
                DeliveryChannel.EMAIL,
                EMAIL_COPY,
                payload.toString());
    }

    public static boolean isUpdate(String kind) {
        return POST.equals(kind) || EMAIL_COPY.equals(kind);
    }

    public static Post postOf(String json) {
        JsonNode node = read(json);
        return new Post(
                node.path("classId").asLong(),
                Instant.parse(node.path("runAt").asText()),
                node.path("text").asText(),
                ids(node));
    }

    public static EmailCopy emailCopyOf(String json) {
        JsonNode node = read(json);
        return new EmailCopy(
                node.path("classId").asLong(), Instant.parse(node.path("runAt").asText()), ids(node));
    }

    private static List<Long> ids(JsonNode node) {
        List<Long> ids = new ArrayList<>();
        node.path("highlightIds").forEach(id -> ids.add(id.asLong()));
        return List.copyOf(ids);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a class update payload", e);
        }
    }
}
