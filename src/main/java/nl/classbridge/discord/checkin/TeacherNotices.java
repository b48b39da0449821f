package nl.classbridge.discord.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.TeacherNotice;
import nl.classbridge.updates.TeacherMessages;
import nl.classbridge.messages.Texts;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherDm;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * Tells the teacher by DM when a family cannot be reached, through the outbox like every other
 * message, and a former teacher when their class was taken over. The text names the child, never
 * the guardian's address.
 */
public final class TeacherNotices implements TeacherNotice, TeacherMessages, TeacherDm {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notice as stored in the outbox: to whom, and the rendered text. */
    record Notice(long userId, String text) {
    }

    private final Outbox outbox;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final Texts texts;

    public TeacherNotices(Outbox outbox, StudentRepository students, SchoolClassRepository classes, Texts texts) {
        this.outbox = outbox;
        this.students = students;
        this.classes = classes;
        this.texts = texts;
    }

    @Override
    public void guardianUnreachable(Guardian guardian, DeliveryChannel channel, String reason) {
        for (Student student : students.childrenOf(guardian.id())) {
            Optional<SchoolClass> schoolClass = classes.find(student.classId());
            if (schoolClass.isEmpty()) {
                continue;
            }
            String key = channel == DeliveryChannel.EMAIL ? "teacher.email-bounced" : "teacher.dm-unreachable";
            notify(schoolClass.get(), key, student, "notice:" + channel.code() + ":guardian:" + guardian.id()
                    + ":student:" + student.id());
        }
    }

    @Override
    public void tell(SchoolClass schoolClass, String messageKey, Map<String, ?> values, String dedupeKey) {
        send(schoolClass, texts.forClass(schoolClass, messageKey, values), dedupeKey);
    }

    @Override
    public void tell(long teacherUserId, SchoolClass schoolClass, String messageKey, Map<String, ?> values,
            String dedupeKey) {
        send(teacherUserId, schoolClass, texts.forClass(schoolClass, messageKey, values), dedupeKey);
    }

    private void notify(SchoolClass schoolClass, String key, Student student, String dedupeKey) {
        send(schoolClass, texts.forClass(schoolClass, key, Map.of("student", student.name())), dedupeKey);
    }

    private void send(SchoolClass schoolClass, String text, String dedupeKey) {
        send(schoolClass.teacherUserId(), schoolClass, text, dedupeKey);
    }

    private void send(long teacherUserId, SchoolClass schoolClass, String text, String dedupeKey) {
        String payload = JSON.createObjectNode().put("user", teacherUserId).put("text", text).toString();
        outbox.enqueue(new OutgoingMessage(dedupeKey, Optional.of(schoolClass.id()), Optional.empty(),
                DeliveryChannel.DISCORD_DM, DiscordDmSender.TEACHER_NOTICE, payload));
    }

    static Notice parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return new Notice(node.path("user").asLong(), node.path("text").asText());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a teacher notice", e);
        }
    }
}
