package nl.classbridge.roster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ClassTeacherRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.SchoolClassRepository;

/**
 * Who may act for a class. Being a teacher on the server (the teacher role, or Manage Server) lets
 * someone set up a new class; acting for an existing one (its children, families, answers and
 * updates) needs being one of its teachers: the owner who set it up, or a co-teacher the owner
 * added. A server admin is no exception, but may take a class over, openly: the former owner is
 * told by private message and the audit log keeps it.
 */
public final class ClassTeachers {
    private final Database database;
    private final SchoolClassRepository classes;
    private final ClassTeacherRepository teachers;
    private final AuditLog auditLog;
    private final TeacherDm dm;
    private final Clock clock;

    public ClassTeachers(
            Database database,
            SchoolClassRepository classes,
            ClassTeacherRepository teachers,
            AuditLog auditLog,
            TeacherDm dm,
            Clock clock) {
        this.database = database;
        this.classes = classes;
        this.teachers = teachers;
        this.auditLog = auditLog;
        this.dm = dm;
        this.clock = clock;
    }

    /** The class of a channel, as one person may see it. */
    public sealed interface Scope {
        /** The person is one of the class's teachers. */
        record Yours(SchoolClass schoolClass) implements Scope {}

        /** The channel is another teacher's class: nothing of it may be read or changed. */
        record NotYours(SchoolClass schoolClass) implements Scope {}

        /** The channel is not a class. */
        record NoClass() implements Scope {}
    }

    /** The one gate every teacher command for a class passes. */
    public Scope inChannel(long channelId, long userId) {
        return classes.findByChannel(channelId)
                .<Scope>map(found -> isTeacherOf(found, userId) ? new Scope.Yours(found) : new Scope.NotYours(found))
                .orElseGet(Scope.NoClass::new);
    }

    public boolean isTeacherOf(SchoolClass schoolClass, long userId) {
        return teachers.find(schoolClass.id(), userId).isPresent();
    }

    /** The owner first, then the co-teachers. */
    public List<ClassTeacher> of(SchoolClass schoolClass) {
        return teachers.ofClass(schoolClass.id());
    }

    /** What {@link #add} did. */
    public sealed interface TeacherAdded {
        record Added(ClassTeacher teacher) implements TeacherAdded {}

        record AlreadyTeacher() implements TeacherAdded {}

        /** Only the owner adds or removes co-teachers. */
        record NotOwner(String owner) implements TeacherAdded {}
    }

    /**
     * Adds a co-teacher. Only the owner may; the Discord side has checked that the new teacher may
     * use teacher commands at all (the teacher role, or Manage Server).
     */
    public TeacherAdded add(SchoolClass schoolClass, Caller owner, long userId, String name) {
        Instant now = clock.instant();
        return database.transaction(() -> {
            Optional<ClassTeacher> caller = teachers.find(schoolClass.id(), owner.userId());
            if (caller.isEmpty() || !caller.get().owner()) {
                return new TeacherAdded.NotOwner(schoolClass.teacherName());
            }
            if (!teachers.addCoTeacher(schoolClass.id(), userId, name, owner.userId(), now)) {
                return new TeacherAdded.AlreadyTeacher();
            }
            audit(owner.userId(), schoolClass, "class.teacher-add", "user=" + userId);
            return new TeacherAdded.Added(
                    teachers.find(schoolClass.id(), userId).orElseThrow());
        });
    }

    /** What {@link #remove} did. */
    public sealed interface TeacherRemoved {
        record Removed() implements TeacherRemoved {}

        record NotATeacher() implements TeacherRemoved {}

        record NotOwner(String owner) implements TeacherRemoved {}

        /** The owner stays; an admin can take the class over instead. */
        record IsOwner() implements TeacherRemoved {}
    }

    /** Removes a co-teacher: from then on they cannot read or act for the class. Only the owner may. */
    public TeacherRemoved remove(SchoolClass schoolClass, Caller owner, long userId) {
        return database.transaction(() -> {
            Optional<ClassTeacher> caller = teachers.find(schoolClass.id(), owner.userId());
            if (caller.isEmpty() || !caller.get().owner()) {
                return new TeacherRemoved.NotOwner(schoolClass.teacherName());
            }
            if (userId == owner.userId()) {
                return new TeacherRemoved.IsOwner();
            }
            if (!teachers.removeCoTeacher(schoolClass.id(), userId)) {
                return new TeacherRemoved.NotATeacher();
            }
            audit(owner.userId(), schoolClass, "class.teacher-remove", "user=" + userId);
            return new TeacherRemoved.Removed();
        });
    }

    /** What {@link #takeOver} did. */
    public sealed interface TakeOver {
        /** The admin owns the class now; {@code formerOwner} was told. */
        record TakenOver(SchoolClass schoolClass, String formerOwner) implements TakeOver {}

        record NotAdmin() implements TakeOver {}

        record AlreadyOwner(SchoolClass schoolClass) implements TakeOver {}

        record NoClass() implements TakeOver {}
    }

    /**
     * A server admin takes over the class of a channel: they become its owner, the former owner is
     * no longer a teacher of it and is told by private message (through the outbox, in this
     * transaction), and the audit log records who took it from whom. Co-teachers stay. Nothing of
     * the class is shown to someone who may not take it.
     */
    public TakeOver takeOver(long channelId, Caller admin) {
        if (!admin.serverAdmin()) {
            return new TakeOver.NotAdmin();
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            Optional<SchoolClass> found = classes.findByChannel(channelId);
            if (found.isEmpty()) {
                return new TakeOver.NoClass();
            }
            SchoolClass current = found.get();
            long formerOwner = current.teacherUserId();
            if (formerOwner == admin.userId()) {
                return new TakeOver.AlreadyOwner(current);
            }
            teachers.setOwner(current.id(), admin.userId(), admin.name(), admin.userId(), now);
            SchoolClass changed = new SchoolClass(
                    current.id(),
                    current.name(),
                    current.guildId(),
                    current.channelId(),
                    current.language(),
                    current.timezone(),
                    admin.userId(),
                    admin.name(),
                    current.createdAt());
            classes.update(changed);
            audit(admin.userId(), changed, "class.takeover", "from=" + formerOwner);
            dm.tell(
                    formerOwner,
                    changed,
                    "teacher.class.taken-over",
                    Map.of("admin", admin.name(), "class", changed.name()),
                    DedupeKeys.takeOverNotice(changed.id(), now));
            return new TakeOver.TakenOver(changed, current.teacherName());
        });
    }

    private void audit(long actor, SchoolClass schoolClass, String action, String detail) {
        auditLog.record(new AuditEntry(clock.instant(), actor, Optional.of(schoolClass.id()), action, detail));
    }
}
