package nl.classbridge.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Reflection;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.Database;

/**
 * The teacher's own look back on a conversation: what went well, what they would do differently,
 * what they take into the next one. Private to that teacher: a co-teacher of the class never reads it.
 */
public final class Reflections {
    /** Each of the three reflection answers. */
    public static final int MAX_REFLECTION = 1000;

    private final Database database;
    private final ConversationRepository conversations;
    private final AuditLog auditLog;
    private final Clock clock;

    public Reflections(Database database, ConversationRepository conversations, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.conversations = conversations;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What {@link #reflect} did. */
    public sealed interface Reflected {
        record Saved(Reflection reflection) implements Reflected {}

        /** Nothing written in any of the three fields. */
        record Empty() implements Reflected {}

        record TooLong(int max) implements Reflected {}

        /** Not a conversation of this class (or no longer there). */
        record Unknown() implements Reflected {}
    }

    /**
     * The teacher's own look back on a conversation of the class: what went well, what they would do
     * differently, what they take into the next one. Stored for {@code teacherUserId} only, replacing
     * their earlier one.
     */
    public Reflected reflect(
            SchoolClass schoolClass,
            long conversationId,
            long teacherUserId,
            String wentWell,
            String differently,
            String takeAlong) {
        Optional<ParentConversation> conversation =
                conversations.find(conversationId).filter(found -> found.classId() == schoolClass.id());
        if (conversation.isEmpty()) {
            return new Reflected.Unknown();
        }
        Optional<String> well = words(wentWell);
        Optional<String> other = words(differently);
        Optional<String> along = words(takeAlong);
        if (well.isEmpty() && other.isEmpty() && along.isEmpty()) {
            return new Reflected.Empty();
        }
        if (List.of(well, other, along).stream()
                .flatMap(Optional::stream)
                .anyMatch(text -> text.length() > MAX_REFLECTION)) {
            return new Reflected.TooLong(MAX_REFLECTION);
        }
        Instant now = clock.instant();
        Reflection reflection = new Reflection(conversationId, teacherUserId, well, other, along, now);
        database.inTransaction(() -> {
            conversations.saveReflection(reflection);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "conversation.reflection",
                    "conversation=" + conversationId));
        });
        return new Reflected.Saved(reflection);
    }

    /** A conversation of the class, by id: for a button or form that names one. */
    public Optional<ParentConversation> ofClass(SchoolClass schoolClass, long conversationId) {
        return conversations.find(conversationId).filter(found -> found.classId() == schoolClass.id());
    }

    /** The teacher's own reflection on a conversation; another teacher's is never returned. */
    public Optional<Reflection> ownReflection(long conversationId, long teacherUserId) {
        return conversations.reflection(conversationId, teacherUserId);
    }

    private static Optional<String> words(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(words -> !words.isEmpty());
    }
}
