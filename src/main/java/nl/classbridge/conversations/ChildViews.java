package nl.classbridge.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ChildView;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.StudentRepository;

/**
 * The child's own view, asked by the teacher before talking with the parents (what goes well, what
 * is hard, what they need) and brought into the conversation. For the class's teachers only.
 */
public final class ChildViews {
    /** The child's view is a few sentences in the teacher's words, not a file. */
    public static final int MAX_CHILD_VIEW = 1000;

    private final Database database;
    private final ConversationRepository conversations;
    private final StudentRepository students;
    private final AuditLog auditLog;
    private final Clock clock;

    public ChildViews(
            Database database,
            ConversationRepository conversations,
            StudentRepository students,
            AuditLog auditLog,
            Clock clock) {
        this.database = database;
        this.conversations = conversations;
        this.students = students;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What {@link #childView} did. */
    public sealed interface ChildViewRecorded {
        /** Stored, with the upcoming conversation it belongs to, if any. */
        record Saved(ChildView view, Optional<ParentConversation> conversation) implements ChildViewRecorded {}

        record UnknownChild(String name) implements ChildViewRecorded {}

        record Empty() implements ChildViewRecorded {}

        record TooLong(int max) implements ChildViewRecorded {}
    }

    /** Records what the child said when asked first, linked to their upcoming conversation if any. */
    public ChildViewRecorded childView(SchoolClass schoolClass, String studentName, String text, long teacherUserId) {
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            return new ChildViewRecorded.Empty();
        }
        if (words.length() > MAX_CHILD_VIEW) {
            return new ChildViewRecorded.TooLong(MAX_CHILD_VIEW);
        }
        Optional<Student> student = students.findByName(schoolClass.id(), studentName.strip());
        if (student.isEmpty()) {
            return new ChildViewRecorded.UnknownChild(studentName);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            Optional<ParentConversation> upcoming =
                    conversations.upcoming(student.get().id());
            ChildView view = conversations.addChildView(
                    student.get().id(), upcoming.map(ParentConversation::id), words, teacherUserId, now);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "conversation.child-view",
                    "student=" + student.get().id()));
            return new ChildViewRecorded.Saved(view, upcoming);
        });
    }
}
