package nl.classbridge.roster;

import java.time.Clock;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ClassArchiveRepository;
import nl.classbridge.store.ClassTeacherRepository;
import nl.classbridge.store.Database;

/**
 * {@code /class archive}: at the end of the school year the class's owner (or the admin who took
 * the class over) removes its families' data, keeping only what the school must keep, which is
 * nothing by default: the children and their links, the parents left without a child in another
 * class (with their messages and codes), the rounds and answers, conversations, agreements,
 * highlights, invites and queued messages. The class itself (channel, teachers, update schedule)
 * stays for the next year. First what would go, counted; then, after the owner confirmed, the
 * removal, an audit entry with the counts, and a compacted database so the bytes are gone too.
 */
public final class ClassArchive {
    public static final String AUDIT_ACTION = "class.archive";

    private final Database database;
    private final ClassArchiveRepository archive;
    private final ClassTeacherRepository teachers;
    private final AuditLog auditLog;
    private final Clock clock;

    public ClassArchive(
            Database database,
            ClassArchiveRepository archive,
            ClassTeacherRepository teachers,
            AuditLog auditLog,
            Clock clock) {
        this.database = database;
        this.archive = archive;
        this.teachers = teachers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the owner is told, or that only the owner may. */
    public sealed interface Outcome {
        /** Before: what would be removed. After: what was removed. */
        record Counted(ClassArchiveRepository.Counts counts) implements Outcome {}

        /** Only the class's owner archives it; {@code owner} is who that is. */
        record NotOwner(String owner) implements Outcome {}
    }

    /** What archiving would remove, for the confirmation. Reads only. */
    public Outcome preview(SchoolClass schoolClass, Caller caller) {
        return notOwner(schoolClass, caller)
                .<Outcome>map(refused -> refused)
                .orElseGet(() -> new Outcome.Counted(archive.count(schoolClass.id())));
    }

    /** Archives the class after the owner confirmed: removes, audits the counts, compacts. */
    public Outcome archive(SchoolClass schoolClass, Caller caller) {
        Optional<Outcome.NotOwner> refused = notOwner(schoolClass, caller);
        if (refused.isPresent()) {
            return refused.get();
        }
        ClassArchiveRepository.Counts removed = database.transaction(() -> {
            ClassArchiveRepository.Counts counts = archive.remove(schoolClass.id());
            auditLog.record(new AuditEntry(
                    clock.instant(), caller.userId(), Optional.of(schoolClass.id()), AUDIT_ACTION, counts.detail()));
            return counts;
        });
        database.compact();
        return new Outcome.Counted(removed);
    }

    private Optional<Outcome.NotOwner> notOwner(SchoolClass schoolClass, Caller caller) {
        boolean owner = teachers.find(schoolClass.id(), caller.userId())
                .filter(ClassTeacher::owner)
                .isPresent();
        return owner ? Optional.empty() : Optional.of(new Outcome.NotOwner(schoolClass.teacherName()));
    }
}
