package nl.classbridge.roster;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ClassTeacherRepository;
import nl.classbridge.store.ConstraintViolation;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * What a teacher does to set up a class: bind a channel, add and remove children, add families
 * without Discord by email, unlink a family. Ending a family's link to a child ends their access
 * at once: open check-ins, reminders and queued messages go in the same transaction. Every change
 * is audited by ids, never by names or addresses.
 */
public final class ClassRoster {
    public static final int MAX_CLASS_NAME = 60;

    private final Database database;
    private final SchoolClassRepository classes;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final ClassTeacherRepository teachers;
    private final DeliveryRepository deliveries;
    private final Unlinking unlinking;
    private final AuditLog auditLog;
    private final Language schoolLanguage;
    private final ZoneId schoolZone;
    private final Clock clock;

    public ClassRoster(
            Database database,
            SchoolClassRepository classes,
            StudentRepository students,
            GuardianRepository guardians,
            ClassTeacherRepository teachers,
            DeliveryRepository deliveries,
            Unlinking unlinking,
            AuditLog auditLog,
            Language schoolLanguage,
            ZoneId schoolZone,
            Clock clock) {
        this.database = database;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.teachers = teachers;
        this.deliveries = deliveries;
        this.unlinking = unlinking;
        this.auditLog = auditLog;
        this.schoolLanguage = schoolLanguage;
        this.schoolZone = schoolZone;
        this.clock = clock;
    }

    /** What {@link #setUp} did. */
    public sealed interface SetUp {
        record Created(SchoolClass schoolClass) implements SetUp {}

        record Updated(SchoolClass schoolClass) implements SetUp {}

        record NameInvalid(int max) implements SetUp {}

        record LanguageInvalid(String value) implements SetUp {}

        record TimezoneInvalid(String value) implements SetUp {}

        /** The channel is another teacher's class: only its own teachers may change it. */
        record NotYours(SchoolClass schoolClass) implements SetUp {}
    }

    /**
     * Binds the channel as the class channel, or changes the class already bound to it. Language
     * and time zone default to the school's for a new class and stay as they were otherwise. Whoever
     * binds a channel owns the class; a class already there may be changed by its own teachers only,
     * and keeps its owner (whose name, as families see it, is refreshed when the owner runs it).
     */
    public SetUp setUp(
            long guildId,
            long channelId,
            String name,
            Optional<String> language,
            Optional<String> timezone,
            long teacherUserId,
            String teacherName) {
        String cleanName = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (cleanName.isEmpty()
                || cleanName.length() > MAX_CLASS_NAME
                || cleanName.chars().anyMatch(Character::isISOControl)) {
            return new SetUp.NameInvalid(MAX_CLASS_NAME);
        }
        Optional<Language> chosenLanguage = Optional.empty();
        if (language.isPresent()) {
            chosenLanguage = Language.fromCode(language.get());
            if (chosenLanguage.isEmpty()) {
                return new SetUp.LanguageInvalid(language.get());
            }
        }
        Optional<ZoneId> chosenZone = Optional.empty();
        if (timezone.isPresent()) {
            try {
                chosenZone = Optional.of(ZoneId.of(timezone.get().strip()));
            } catch (DateTimeException e) {
                return new SetUp.TimezoneInvalid(timezone.get());
            }
        }
        Instant now = clock.instant();
        Optional<Language> finalLanguage = chosenLanguage;
        Optional<ZoneId> finalZone = chosenZone;
        return database.transaction(() -> {
            Optional<SchoolClass> existing = classes.findByChannel(channelId);
            if (existing.isPresent()
                    && teachers.find(existing.get().id(), teacherUserId).isEmpty()) {
                return new SetUp.NotYours(existing.get());
            }
            SchoolClass schoolClass;
            SetUp result;
            if (existing.isPresent()) {
                SchoolClass old = existing.get();
                boolean byOwner = old.teacherUserId() == teacherUserId;
                schoolClass = new SchoolClass(
                        old.id(),
                        cleanName,
                        old.guildId(),
                        old.channelId(),
                        finalLanguage.orElse(old.language()),
                        finalZone.orElse(old.timezone()),
                        old.teacherUserId(),
                        byOwner ? teacherName : old.teacherName(),
                        old.createdAt());
                classes.update(schoolClass);
                teachers.rename(old.id(), teacherUserId, teacherName);
                result = new SetUp.Updated(schoolClass);
            } else {
                schoolClass = classes.add(
                        cleanName,
                        guildId,
                        channelId,
                        finalLanguage.orElse(schoolLanguage),
                        finalZone.orElse(schoolZone),
                        teacherUserId,
                        teacherName,
                        now);
                result = new SetUp.Created(schoolClass);
            }
            audit(
                    teacherUserId,
                    schoolClass,
                    "class.setup",
                    "language=" + schoolClass.language().code() + " timezone="
                            + schoolClass.timezone().getId());
            return result;
        });
    }

    /** What {@link #addStudent} did. */
    public sealed interface StudentAdded {
        record Added(Student student) implements StudentAdded {}

        record NameInvalid(int max) implements StudentAdded {}

        record AlreadyThere(Student student) implements StudentAdded {}
    }

    /** Adds a child by first name or nickname only. */
    public StudentAdded addStudent(SchoolClass schoolClass, String name, long teacherUserId) {
        Optional<String> clean = Student.cleanName(name);
        if (clean.isEmpty()) {
            return new StudentAdded.NameInvalid(Student.MAX_NAME_LENGTH);
        }
        return database.transaction(() -> {
            Optional<Student> existing = students.findByName(schoolClass.id(), clean.get());
            if (existing.isPresent()) {
                return new StudentAdded.AlreadyThere(existing.get());
            }
            try {
                Student student = students.add(schoolClass.id(), clean.get(), clock.instant());
                audit(teacherUserId, schoolClass, "student.add", "student=" + student.id());
                return new StudentAdded.Added(student);
            } catch (ConstraintViolation raced) {
                return new StudentAdded.AlreadyThere(
                        students.findByName(schoolClass.id(), clean.get()).orElseThrow());
            }
        });
    }

    /** A child and their guardians, each with when they joined, for the teacher's lists. */
    public record StudentWithGuardians(Student student, List<GuardianLink> links) {
        public List<Guardian> guardians() {
            return links.stream().map(GuardianLink::guardian).toList();
        }
    }

    public List<StudentWithGuardians> students(SchoolClass schoolClass) {
        return students.inClass(schoolClass.id()).stream()
                .map(student -> new StudentWithGuardians(student, guardians.linksOf(student.id())))
                .toList();
    }

    public Optional<Student> findStudent(SchoolClass schoolClass, String name) {
        return Student.cleanName(name).flatMap(clean -> students.findByName(schoolClass.id(), clean));
    }

    /**
     * Removes a child with their answers, invites and agreements. Their families' open check-ins
     * about the child and the messages queued for it end at once. Guardians left without any child
     * are removed too: nothing is kept about a family that is no longer in the school.
     */
    public Optional<Student> removeStudent(SchoolClass schoolClass, String name, long teacherUserId) {
        return database.transaction(() -> findStudent(schoolClass, name).map(student -> {
            List<Guardian> families = guardians.ofStudent(student.id());
            families.forEach(g -> unlinking.linkEnding(g.id(), student));
            students.remove(student.id());
            families.forEach(g -> afterUnlink(g.id(), schoolClass));
            audit(teacherUserId, schoolClass, "student.remove", "student=" + student.id());
            return student;
        }));
    }

    /** What {@link #addEmailGuardian} did. */
    public sealed interface EmailGuardianAdded {
        record Added(Guardian guardian, Student student) implements EmailGuardianAdded {}

        record UnknownStudent(String name) implements EmailGuardianAdded {}

        record EmailInvalid() implements EmailGuardianAdded {}

        record LanguageInvalid(String value) implements EmailGuardianAdded {}
    }

    /**
     * Adds a guardian without Discord, reached by email. A guardian already known by that address
     * (a parent of another child) is linked rather than made twice.
     */
    public EmailGuardianAdded addEmailGuardian(
            SchoolClass schoolClass, String studentName, String email, Optional<String> language, long teacherUserId) {
        Optional<Student> student = findStudent(schoolClass, studentName);
        if (student.isEmpty()) {
            return new EmailGuardianAdded.UnknownStudent(studentName);
        }
        Optional<String> address = EmailAddress.parse(email).map(EmailAddress::toString);
        if (address.isEmpty()) {
            return new EmailGuardianAdded.EmailInvalid();
        }
        Optional<Language> chosen = language.flatMap(Language::fromCode);
        if (language.isPresent() && chosen.isEmpty()) {
            return new EmailGuardianAdded.LanguageInvalid(language.get());
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            Guardian guardian = guardians
                    .findByEmail(address.get())
                    .orElseGet(() -> guardians.addEmail(address.get(), chosen, now));
            guardians.link(guardian.id(), student.get().id(), now);
            audit(
                    teacherUserId,
                    schoolClass,
                    "guardian.add-email",
                    "student=" + student.get().id() + " guardian=" + guardian.id());
            return new EmailGuardianAdded.Added(guardian, student.get());
        });
    }

    /**
     * Unlinks a guardian from a child, ending their open check-ins about the child and what is queued
     * for it; a guardian left without children is removed, one left without a child in this class
     * gets nothing more about it.
     */
    public boolean removeGuardian(SchoolClass schoolClass, Student student, long guardianId, long teacherUserId) {
        return database.transaction(() -> {
            if (student.classId() != schoolClass.id() || !guardians.isLinked(guardianId, student.id())) {
                return false;
            }
            unlinking.linkEnding(guardianId, student);
            guardians.unlink(guardianId, student.id());
            afterUnlink(guardianId, schoolClass);
            audit(teacherUserId, schoolClass, "guardian.remove", "student=" + student.id() + " guardian=" + guardianId);
            return true;
        });
    }

    /** A guardian without children goes (with all that is theirs); one without a child here hears no more of it. */
    private void afterUnlink(long guardianId, SchoolClass schoolClass) {
        List<Student> children = students.childrenOf(guardianId);
        if (children.isEmpty()) {
            guardians.remove(guardianId);
        } else if (children.stream().noneMatch(child -> child.classId() == schoolClass.id())) {
            deliveries.cancelQueued(guardianId, schoolClass.id());
        }
    }

    private void audit(long teacherUserId, SchoolClass schoolClass, String action, String detail) {
        auditLog.record(new AuditEntry(clock.instant(), teacherUserId, Optional.of(schoolClass.id()), action, detail));
    }
}
