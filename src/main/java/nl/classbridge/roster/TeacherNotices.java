package nl.classbridge.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.delivery.TeacherNotice;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.updates.TeacherMessages;

/**
 * Tells the teacher by DM, through the outbox like every other message: when a family cannot be
 * reached, about the class updates, and a former teacher when their class was taken over. A notice
 * names the child, never the guardian's address. The row holds the catalogue key and its values;
 * the Discord side renders it in the class language when it goes out.
 */
public final class TeacherNotices implements TeacherNotice, TeacherMessages, TeacherDm {
    /** The outbox kind of a notice to a teacher. */
    public static final String KIND = "teacher-notice";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A notice as stored in the outbox: to whom, and what to say. Rows written before notices were
     * rendered on sending hold the rendered {@code text} instead of a key.
     */
    public record Notice(long userId, Optional<String> key, Map<String, String> values, Optional<String> text) {}

    private final Outbox outbox;
    private final StudentRepository students;
    private final SchoolClassRepository classes;

    public TeacherNotices(Outbox outbox, StudentRepository students, SchoolClassRepository classes) {
        this.outbox = outbox;
        this.students = students;
        this.classes = classes;
    }

    @Override
    public void guardianUnreachable(Guardian guardian, DeliveryChannel channel, String reason) {
        for (Student student : students.childrenOf(guardian.id())) {
            Optional<SchoolClass> schoolClass = classes.find(student.classId());
            if (schoolClass.isEmpty()) {
                continue;
            }
            String key = channel == DeliveryChannel.EMAIL ? "teacher.email-bounced" : "teacher.dm-unreachable";
            tell(
                    schoolClass.get(),
                    key,
                    Map.of("student", student.name()),
                    DedupeKeys.unreachableNotice(channel, guardian.id(), student.id()));
        }
    }

    @Override
    public void tell(SchoolClass schoolClass, String messageKey, Map<String, ?> values, String dedupeKey) {
        tell(schoolClass.teacherUserId(), schoolClass, messageKey, values, dedupeKey);
    }

    @Override
    public void tell(
            long teacherUserId, SchoolClass schoolClass, String messageKey, Map<String, ?> values, String dedupeKey) {
        ObjectNode payload = JSON.createObjectNode().put("user", teacherUserId).put("key", messageKey);
        ObjectNode filled = payload.putObject("values");
        values.forEach((name, value) -> filled.put(name, String.valueOf(value)));
        outbox.enqueue(new OutgoingMessage(
                dedupeKey,
                Optional.of(schoolClass.id()),
                Optional.empty(),
                DeliveryChannel.DISCORD_DM,
                KIND,
                payload.toString()));
    }

    /** The notice a row of {@link #KIND} holds. */
    public static Notice parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            Map<String, String> values = new LinkedHashMap<>();
            node.path("values")
                    .properties()
                    .forEach(
                            field -> values.put(field.getKey(), field.getValue().asText()));
            return new Notice(node.path("user").asLong(), text(node, "key"), values, text(node, "text"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a teacher notice", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
