package nl.classbridge.roster;

import java.util.Map;
import nl.classbridge.domain.SchoolClass;

/**
 * A private message to one teacher about a class, through the outbox like every other message,
 * in the class language. The Discord side implements it.
 */
@FunctionalInterface
public interface TeacherDm {

    /**
     * @param messageKey a catalogue key such as {@code teacher.class.taken-over}
     * @param dedupeKey  a second call with the same key sends nothing
     */
    void tell(long teacherUserId, SchoolClass schoolClass, String messageKey, Map<String, ?> values, String dedupeKey);
}
