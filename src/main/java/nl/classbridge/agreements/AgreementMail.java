package nl.classbridge.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox rows of agreements: their kinds, and payloads that hold ids and a day only, never the
 * agreement's words, so a row read later renders what is true then.
 */
public final class AgreementMail {
    /** One agreement for a guardian to confirm (a DM with buttons, or an email to reply to). */
    public static final String ASK = "agreement-ask";
    /** The align-again reminder to a guardian, listing the child's agreements of that day. */
    public static final String REMINDER = "agreement-reminder";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an {@link #REMINDER} row is about. */
    public record Reminder(long studentId, LocalDate day, List<Long> agreementIds) {}

    private AgreementMail() {}

    public static boolean isAgreement(String kind) {
        return ASK.equals(kind) || REMINDER.equals(kind);
    }

    static String askPayload(long agreementId) {
        return JSON.createObjectNode().put("agreement", agreementId).toString();
    }

    /** The agreement an {@link #ASK} row asks about. */
    public static long agreementOf(String payload) {
        return read(payload).path("agreement").asLong();
    }

    static String reminderPayload(Reminder reminder) {
        ObjectNode node = JSON.createObjectNode()
                .put("student", reminder.studentId())
                .put("day", reminder.day().toString());
        var ids = node.putArray("agreements");
        reminder.agreementIds().forEach(ids::add);
        return node.toString();
    }

    public static Reminder reminderOf(String payload) {
        JsonNode node = read(payload);
        List<Long> ids = new ArrayList<>();
        node.path("agreements").forEach(id -> ids.add(id.asLong()));
        return new Reminder(
                node.path("student").asLong(), LocalDate.parse(node.path("day").asText()), List.copyOf(ids));
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an agreement row", e);
        }
    }
}
