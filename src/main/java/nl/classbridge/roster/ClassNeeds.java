package nl.classbridge.roster;

import java.time.Clock;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ClassNeedsRepository;
import nl.classbridge.store.Database;

/**
 * What the teacher needs from parents ({@code /class needs}), written once in the teacher's own
 * words. Families read it in the start-of-year questionnaire as written, in place of the
 * questionnaire's generic text. The audit log records that it changed, never the words.
 */
public final class ClassNeeds {
    /** Long enough for a few warm paragraphs, short enough to read on a phone and fit one Discord message. */
    public static final int MAX_LENGTH = 1000;

    /** What became of the teacher's text. */
    public sealed interface Written {
        record Saved(String text) implements Written {}

        record TooLong(int length, int max) implements Written {}

        record Empty() implements Written {}
    }

    private final Database database;
    private final ClassNeedsRepository needs;
    private final AuditLog auditLog;
    private final Clock clock;

    public ClassNeeds(Database database, ClassNeedsRepository needs, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.needs = needs;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The class's text, if the teacher wrote one. */
    public Optional<String> of(SchoolClass schoolClass) {
        return needs.of(schoolClass.id());
    }

    /** Stores {@code text} (stripped) as the class's, unless it is empty or longer than {@link #MAX_LENGTH}. */
    public Written write(SchoolClass schoolClass, String text, long teacherUserId) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            return new Written.Empty();
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            return new Written.TooLong(stripped.codePointCount(0, stripped.length()), MAX_LENGTH);
        }
        return database.transaction(() -> {
            needs.save(schoolClass.id(), stripped, teacherUserId, clock.instant());
            audit(teacherUserId, schoolClass, "class-needs-written", "length=" + stripped.length());
            return new Written.Saved(stripped);
        });
    }

    /** Back to the questionnaire's own text; returns whether there was a text of the teacher's. */
    public boolean clear(SchoolClass schoolClass, long teacherUserId) {
        return database.transaction(() -> {
            boolean had = needs.clear(schoolClass.id());
            if (had) {
                audit(teacherUserId, schoolClass, "class-needs-cleared", "");
            }
            return had;
        });
    }

    private void audit(long actor, SchoolClass schoolClass, String action, String detail) {
        auditLog.record(new AuditEntry(clock.instant(), actor, Optional.of(schoolClass.id()), action, detail));
    }
}
