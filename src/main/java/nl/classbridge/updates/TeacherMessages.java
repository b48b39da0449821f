package nl.classbridge.updates;

import java.util.Map;
import nl.classbridge.domain.SchoolClass;

/**
 * Tells a class's teacher something about their class updates (a reminder that nothing is queued,
 * a skipped or missed update). The Discord side implements it with a DM through the outbox,
 * rendered in the class language.
 *
 * <p>A second call with the same {@code dedupeKey} must send nothing: the update job calls again
 * every minute until the moment has passed, and counts on the outbox's dedupe key.
 */
@FunctionalInterface
public interface TeacherMessages {

    /**
     * @param messageKey a catalogue key such as {@code updates.teacher.reminder-empty}
     * @param values     its placeholders, already formatted for the teacher (dates, times)
     */
    void tell(SchoolClass schoolClass, String messageKey, Map<String, ?> values, String dedupeKey);
}
