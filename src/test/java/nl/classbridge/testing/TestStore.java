package nl.classbridge.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.classbridge.checkin.CheckinRevocation;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ClassTeacherRepository;
import nl.classbridge.store.ConfirmationRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.HighlightRepository;
import nl.classbridge.store.InviteRepository;
import nl.classbridge.store.QuestionnaireRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.store.UpdateScheduleRepository;

/** A real SQLite file in a test's temp folder, with every repository over it. */
public final class TestStore implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-09-01T07:00:00Z");
    public static final long GUILD = 1_100_000_000_000_000_001L;
    public static final long CHANNEL = 1_200_000_000_000_000_001L;
    public static final long TEACHER = 1_300_000_000_000_000_001L;

    public final Database database;
    public final SchoolClassRepository classes;
    public final ClassTeacherRepository classTeachers;
    public final StudentRepository students;
    public final GuardianRepository guardians;
    public final InviteRepository invites;
    public final HighlightRepository highlights;
    public final UpdateScheduleRepository schedules;
    public final QuestionnaireRepository questionnaires;
    public final CheckinRepository checkins;
    public final ConversationRepository conversations;
    public final AgreementRepository agreements;
    public final DeliveryRepository deliveries;
    public final ConfirmationRepository confirmations;
    public final AuditLog auditLog;

    public TestStore(Path folder) {
        database = Database.open(folder.resolve("classbridge.db"));
        classes = new SchoolClassRepository(database);
        classTeachers = new ClassTeacherRepository(database);
        students = new StudentRepository(database);
        guardians = new GuardianRepository(database);
        invites = new InviteRepository(database);
        highlights = new HighlightRepository(database);
        schedules = new UpdateScheduleRepository(database);
        questionnaires = new QuestionnaireRepository(database);
        checkins = new CheckinRepository(database);
        conversations = new ConversationRepository(database);
        agreements = new AgreementRepository(database);
        deliveries = new DeliveryRepository(database);
        confirmations = new ConfirmationRepository(database);
        auditLog = new AuditLog(database);
    }

    /** A class "Groep 5" bound to the test channel. */
    /** The roster service over this store, for a Dutch school in Amsterdam, as the tests' classes are. */
    public ClassRoster roster(Clock clock) {
        return new ClassRoster(
                database,
                classes,
                students,
                guardians,
                classTeachers,
                deliveries,
                new CheckinRevocation(database, checkins, deliveries),
                auditLog,
                Language.NL,
                ZoneId.of("Europe/Amsterdam"),
                clock);
    }

    public SchoolClass aClass() {
        return classes.add(
                "Groep 5", GUILD, CHANNEL, Language.NL, ZoneId.of("Europe/Amsterdam"), TEACHER, "Juf Anna", T0);
    }

    public Student aStudent(SchoolClass schoolClass, String name) {
        return students.add(schoolClass.id(), name, T0);
    }

    @Override
    public void close() {
        database.close();
    }
}
