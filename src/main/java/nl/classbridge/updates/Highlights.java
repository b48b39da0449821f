package nl.classbridge.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.Database;
import nl.classbridge.store.HighlightRepository;

/**
 * The highlights a teacher collects for the next class update: add one, change or remove one still
 * queued. Only a highlight of the teacher's own class counts; each change is audited (by id, never
 * the text).
 */
public final class Highlights {
    /** The longest highlight: a few sentences, as Discord's option and form allow. */
    public static final int MAX_LENGTH = 500;

    private final Database database;
    private final HighlightRepository highlights;
    private final AuditLog auditLog;
    private final Clock clock;

    public Highlights(Database database, HighlightRepository highlights, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.highlights = highlights;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What adding or editing did. */
    public sealed interface Written {
        record Saved(Highlight highlight) implements Written {}

        /** Empty, or longer than {@link #MAX_LENGTH}: nothing changed. */
        record Invalid(int maxLength) implements Written {}

        /** Shared in an update or removed meanwhile, or not of this class: nothing changed. */
        record Gone() implements Written {}
    }

    /** Adds a highlight, stripped, to the class's queue. */
    public Written add(SchoolClass schoolClass, HighlightKind kind, String text, long teacherUserId) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_LENGTH) {
            return new Written.Invalid(MAX_LENGTH);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            Highlight added = highlights.add(schoolClass.id(), kind, clean, teacherUserId, now);
            audit(
                    now,
                    teacherUserId,
                    schoolClass,
                    "update.highlight-add",
                    "highlight=" + added.id() + " kind=" + kind.code());
            return new Written.Saved(added);
        });
    }

    /** The class's queued highlights, oldest first. */
    public List<Highlight> queued(SchoolClass schoolClass) {
        return highlights.queued(schoolClass.id());
    }

    /** The highlight {@code highlightId} if it is of this class and still queued. */
    public Optional<Highlight> queued(SchoolClass schoolClass, long highlightId) {
        return highlights.find(highlightId).filter(h -> h.classId() == schoolClass.id() && h.queued());
    }

    /** Changes the text of a queued highlight of this class. */
    public Written edit(SchoolClass schoolClass, long highlightId, String text, long teacherUserId) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_LENGTH) {
            return new Written.Invalid(MAX_LENGTH);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            if (queued(schoolClass, highlightId).isEmpty() || !highlights.edit(highlightId, clean)) {
                return new Written.Gone();
            }
            audit(now, teacherUserId, schoolClass, "update.highlight-edit", "highlight=" + highlightId);
            return new Written.Saved(highlights.find(highlightId).orElseThrow());
        });
    }

    /** Removes a queued highlight of this class; false when there was none to remove. */
    public boolean remove(SchoolClass schoolClass, long highlightId, long teacherUserId) {
        Instant now = clock.instant();
        return database.transaction(() -> {
            if (queued(schoolClass, highlightId).isEmpty() || !highlights.remove(highlightId)) {
                return false;
            }
            audit(now, teacherUserId, schoolClass, "update.highlight-remove", "highlight=" + highlightId);
            return true;
        });
    }

    private void audit(Instant now, long teacherUserId, SchoolClass schoolClass, String action, String detail) {
        auditLog.record(new AuditEntry(now, teacherUserId, Optional.of(schoolClass.id()), action, detail));
    }
}
