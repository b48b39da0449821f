package nl.classbridge.agreements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherDm;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * The align-again reminders: on the day an agreement names, from {@link #MORNING} in the class's time
 * zone, the class's teacher and the child's guardians are reminded once, one reminder per child and
 * day listing its agreements. The scheduler runs it every minute; a reminder missed while the bot was
 * down comes at the next run. Families' reminders go through the outbox, which holds them during
 * their quiet hours.
 */
public final class AlignmentReminders {
    /** Early enough for the teacher to plan the day, late enough not to wake a family. */
    public static final LocalTime MORNING = LocalTime.of(8, 0);

    private final Database database;
    private final AgreementRepository agreements;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final SchoolClassRepository classes;
    private final Outbox outbox;
    private final TeacherDm teacher;
    private final Clock clock;

    public AlignmentReminders(
            Database database,
            AgreementRepository agreements,
            StudentRepository students,
            GuardianRepository guardians,
            SchoolClassRepository classes,
            Outbox outbox,
            TeacherDm teacher,
            Clock clock) {
        this.database = database;
        this.agreements = agreements;
        this.students = students;
        this.guardians = guardians;
        this.classes = classes;
        this.outbox = outbox;
        this.teacher = teacher;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many reminders (child and day) went out. */
    public int run() {
        Instant now = clock.instant();
        // The latest day anywhere on earth: each class then decides by its own zone.
        LocalDate latest = now.atOffset(ZoneOffset.MAX).toLocalDate();
        Map<String, List<Agreement>> byChildAndDay = new LinkedHashMap<>();
        for (Agreement agreement : agreements.alignmentsDueBy(latest)) {
            byChildAndDay
                    .computeIfAbsent(
                            agreement.studentId() + "/"
                                    + agreement.alignAgainOn().orElseThrow(),
                            k -> new ArrayList<>())
                    .add(agreement);
        }
        int sent = 0;
        for (List<Agreement> group : byChildAndDay.values()) {
            if (remind(group, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(List<Agreement> group, Instant now) {
        LocalDate day = group.get(0).alignAgainOn().orElseThrow();
        Optional<Student> student = students.find(group.get(0).studentId());
        Optional<SchoolClass> schoolClass = student.flatMap(s -> classes.find(s.classId()));
        if (schoolClass.isEmpty() || !due(day, now.atZone(schoolClass.get().timezone()))) {
            return false;
        }
        return database.transaction(() -> {
            List<Agreement> marked = group.stream()
                    .filter(agreement -> agreements.markReminded(agreement.id(), now))
                    .toList();
            if (marked.isEmpty()) {
                return false;
            }
            teacher.tell(
                    schoolClass.get().teacherUserId(),
                    schoolClass.get(),
                    "agreement.teacher.align-again",
                    Map.of(
                            "student",
                            student.get().name(),
                            "agreements",
                            marked.stream().map(Agreement::text).collect(Collectors.joining(" · "))),
                    DedupeKeys.alignAgainTeacher(student.get().id(), day));
            String payload = AgreementMail.reminderPayload(new AgreementMail.Reminder(
                    student.get().id(), day, marked.stream().map(Agreement::id).toList()));
            for (Guardian guardian : guardians.ofStudent(student.get().id())) {
                for (DeliveryChannel channel : Agreements.channelsOf(guardian)) {
                    outbox.enqueue(OutgoingMessage.toGuardian(
                            DedupeKeys.alignAgain(student.get().id(), day, guardian.id(), channel),
                            schoolClass.get().id(),
                            guardian.id(),
                            channel,
                            AgreementMail.REMINDER,
                            payload));
                }
            }
            return true;
        });
    }

    /** Due on the day from the morning on, and on any later day (the bot was down that morning). */
    static boolean due(LocalDate day, ZonedDateTime localNow) {
        LocalDate today = localNow.toLocalDate();
        return day.isBefore(today)
                || day.equals(today) && !localNow.toLocalTime().isBefore(MORNING);
    }
}
