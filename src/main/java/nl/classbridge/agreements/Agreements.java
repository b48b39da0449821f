package nl.classbridge.agreements;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.Confirmation;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherDm;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * The teacher's agreements about a child and the guardians' confirmations: adding one (linked to the
 * child's current conversation, and sent to each guardian through their own channel to confirm),
 * listing them with every answer, marking one done, and a guardian's answer. Only a class's own
 * agreements are found for it; the audit log records ids, never words.
 */
public final class Agreements {
    /** Long enough for "Sem reads 15 minutes every evening, and we look at it together on Friday". */
    public static final int MAX_TEXT = 300;
    /** A guardian's own words when they see it differently. */
    public static final int MAX_OWN_WORDS = 1000;

    private final Database database;
    private final AgreementRepository agreements;
    private final ConversationRepository conversations;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final SchoolClassRepository classes;
    private final Outbox outbox;
    private final TeacherDm teacher;
    private final AuditLog auditLog;
    private final Clock clock;

    public Agreements(
            Database database,
            AgreementRepository agreements,
            ConversationRepository conversations,
            StudentRepository students,
            GuardianRepository guardians,
            SchoolClassRepository classes,
            Outbox outbox,
            TeacherDm teacher,
            AuditLog auditLog,
            Clock clock) {
        this.database = database;
        this.agreements = agreements;
        this.conversations = conversations;
        this.students = students;
        this.guardians = guardians;
        this.classes = classes;
        this.outbox = outbox;
        this.teacher = teacher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What came of adding an agreement. */
    public sealed interface Added {
        /** Stored; {@code asked} guardians got it to confirm. */
        record Saved(Agreement agreement, Student student, int asked) implements Added {}

        record UnknownStudent() implements Added {}

        record TextInvalid(int max) implements Added {}

        record DayPassed(LocalDate today) implements Added {}
    }

    /**
     * Stores the agreement about the child named {@code studentName} in this class and asks each
     * guardian who can be reached to confirm it, by DM, by email or both, as their plan says.
     */
    public Added add(
            SchoolClass schoolClass,
            String studentName,
            String text,
            AgreementOwner owner,
            Optional<LocalDate> alignAgainOn,
            long teacherUserId) {
        Optional<Student> student = studentOf(schoolClass, studentName);
        if (student.isEmpty()) {
            return new Added.UnknownStudent();
        }
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty() || cleaned.length() > MAX_TEXT) {
            return new Added.TextInvalid(MAX_TEXT);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(schoolClass.timezone()).toLocalDate();
        if (alignAgainOn.isPresent() && alignAgainOn.get().isBefore(today)) {
            return new Added.DayPassed(today);
        }
        return database.transaction(() -> {
            Optional<Long> conversation =
                    conversations.current(student.get().id()).map(ParentConversation::id);
            Agreement agreement =
                    agreements.add(student.get().id(), conversation, cleaned, owner, alignAgainOn, teacherUserId, now);
            int asked = 0;
            for (Guardian guardian : guardians.ofStudent(student.get().id())) {
                List<DeliveryChannel> channels = channelsOf(guardian);
                if (channels.isEmpty()) {
                    continue;
                }
                agreements.ask(agreement.id(), guardian.id(), now);
                for (DeliveryChannel channel : channels) {
                    outbox.enqueue(OutgoingMessage.toGuardian(
                            DedupeKeys.agreementAsk(agreement.id(), guardian.id(), channel),
                            schoolClass.id(),
                            guardian.id(),
                            channel,
                            AgreementMail.ASK,
                            AgreementMail.askPayload(agreement.id())));
                }
                asked++;
            }
            audit(now, teacherUserId, schoolClass, "agreement.add", "agreement=" + agreement.id() + " asked=" + asked);
            return new Added.Saved(agreement, student.get(), asked);
        });
    }

    /** A guardian's answer, as the teacher sees it: not asked, asked, or their confirmation. */
    public record GuardianAnswer(GuardianLink guardian, Optional<Confirmation> confirmation) {}

    /** One agreement with every guardian of the child and their answer. */
    public record WithAnswers(Agreement agreement, List<GuardianAnswer> answers) {}

    /** The child's agreements, open ones first, with every answer; empty when the class has no such child. */
    public Optional<ChildAgreements> list(SchoolClass schoolClass, String studentName) {
        return studentOf(schoolClass, studentName).map(student -> {
            List<GuardianLink> family = guardians.linksOf(student.id());
            List<WithAnswers> all = new ArrayList<>();
            for (Agreement agreement : agreements.ofStudent(student.id())) {
                List<GuardianAnswer> answers = family.stream()
                        .map(link -> new GuardianAnswer(
                                link,
                                agreements.confirmation(
                                        agreement.id(), link.guardian().id())))
                        .toList();
                all.add(new WithAnswers(agreement, answers));
            }
            return new ChildAgreements(student, List.copyOf(all));
        });
    }

    /** A child and their agreements. */
    public record ChildAgreements(Student student, List<WithAnswers> agreements) {}

    /** The open agreements of the child named {@code studentName} in this class (suggestions). */
    public List<Agreement> open(SchoolClass schoolClass, String studentName) {
        return studentOf(schoolClass, studentName)
                .map(student -> agreements.ofStudent(student.id()).stream()
                        .filter(Agreement::open)
                        .toList())
                .orElse(List.of());
    }

    /** What came of marking an agreement done. */
    public enum Done {
        DONE,
        ALREADY_DONE,
        /** No such agreement about that child in this class. */
        NOT_FOUND
    }

    /** Marks one of the child's agreements done; another child's or another class's id is not found. */
    public Done done(SchoolClass schoolClass, String studentName, long agreementId, long teacherUserId) {
        Optional<Student> student = studentOf(schoolClass, studentName);
        Optional<Agreement> agreement = agreements
                .find(agreementId)
                .filter(found -> student.isPresent()
                        && found.studentId() == student.get().id());
        if (agreement.isEmpty()) {
            return Done.NOT_FOUND;
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            if (!agreements.markDone(agreementId, now)) {
                return Done.ALREADY_DONE;
            }
            audit(now, teacherUserId, schoolClass, "agreement.done", "agreement=" + agreementId);
            return Done.DONE;
        });
    }

    /** An agreement as one guardian sees it: for the message that asks them, and after they answer. */
    public record ForGuardian(
            Agreement agreement,
            Student student,
            SchoolClass schoolClass,
            Guardian guardian,
            Optional<Confirmation> confirmation) {}

    /**
     * The agreement as this guardian may see it: only when they were asked about it and are still
     * linked to the child.
     */
    public Optional<ForGuardian> forGuardian(long agreementId, long guardianId) {
        Optional<Confirmation> confirmation = agreements.confirmation(agreementId, guardianId);
        if (confirmation.isEmpty()) {
            return Optional.empty();
        }
        return agreements
                .find(agreementId)
                .flatMap(agreement -> students.find(agreement.studentId())
                        .filter(student -> guardians.isLinked(guardianId, student.id()))
                        .flatMap(student -> classes.find(student.classId())
                                .flatMap(schoolClass -> guardians
                                        .find(guardianId)
                                        .map(guardian -> new ForGuardian(
                                                agreement, student, schoolClass, guardian, confirmation)))));
    }

    /** What an align-again reminder to a guardian lists, read as it goes out. */
    public record Reminding(SchoolClass schoolClass, Student student, List<Agreement> agreements) {}

    /**
     * The reminder in the outbox row's {@code payload} for {@code guardianId}: empty when the child
     * is gone, the guardian is no longer linked, or none of its agreements is left.
     */
    public Optional<Reminding> reminding(String payload, long guardianId) {
        AgreementMail.Reminder reminder = AgreementMail.reminderOf(payload);
        Optional<Student> student =
                students.find(reminder.studentId()).filter(s -> guardians.isLinked(guardianId, s.id()));
        Optional<SchoolClass> schoolClass = student.flatMap(s -> classes.find(s.classId()));
        List<Agreement> listed = reminder.agreementIds().stream()
                .map(agreements::find)
                .flatMap(Optional::stream)
                .toList();
        if (schoolClass.isEmpty() || listed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reminding(schoolClass.get(), student.get(), listed));
    }

    /** What came of a guardian's answer. */
    public sealed interface Answered {
        /** Stored; {@code now} is the agreement as the guardian sees it after answering. */
        record Saved(ForGuardian now) implements Answered {}

        /** The guardian was never asked about it, or is no longer linked to the child. */
        record NotTheirs() implements Answered {}

        /** The teacher marked it done: nothing to confirm any more. */
        record Closed(ForGuardian agreement) implements Answered {}

        /** Their words are empty or longer than {@code max}. */
        record WordsInvalid(int max) implements Answered {}
    }

    /**
     * The guardian's answer: it is right, or they see it differently in {@code ownWords}. A later
     * answer replaces an earlier one. When they see it differently, the class's teacher gets a
     * private notice that there is an answer to read (without the words: those stay in the store).
     */
    public Answered answer(long agreementId, long guardianId, ConfirmationStatus status, Optional<String> ownWords) {
        Optional<ForGuardian> theirs = forGuardian(agreementId, guardianId);
        if (theirs.isEmpty() || status == ConfirmationStatus.ASKED) {
            return new Answered.NotTheirs();
        }
        if (!theirs.get().agreement().open()) {
            return new Answered.Closed(theirs.get());
        }
        Optional<String> words = status == ConfirmationStatus.DIFFERS
                ? ownWords.map(String::strip).filter(w -> !w.isEmpty())
                : Optional.empty();
        if (status == ConfirmationStatus.DIFFERS
                && (words.isEmpty() || words.get().length() > MAX_OWN_WORDS)) {
            return new Answered.WordsInvalid(MAX_OWN_WORDS);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            agreements.answer(agreementId, guardianId, status, words, now);
            if (status == ConfirmationStatus.DIFFERS) {
                SchoolClass schoolClass = theirs.get().schoolClass();
                teacher.tell(
                        schoolClass.teacherUserId(),
                        schoolClass,
                        "agreement.teacher.differs",
                        Map.of("student", theirs.get().student().name()),
                        DedupeKeys.agreementDiffers(agreementId, guardianId, now));
            }
            return new Answered.Saved(forGuardian(agreementId, guardianId).orElseThrow());
        });
    }

    /** The channels a message to this guardian goes through, as their plan and reachability say. */
    static List<DeliveryChannel> channelsOf(Guardian guardian) {
        List<DeliveryChannel> channels = new ArrayList<>();
        if (guardian.wantsDiscord()) {
            channels.add(DeliveryChannel.DISCORD_DM);
        }
        if (guardian.wantsEmail()) {
            channels.add(DeliveryChannel.EMAIL);
        }
        return channels;
    }

    private Optional<Student> studentOf(SchoolClass schoolClass, String name) {
        return name == null ? Optional.empty() : students.findByName(schoolClass.id(), name.strip());
    }

    private void audit(Instant now, long teacherUserId, SchoolClass schoolClass, String action, String detail) {
        auditLog.record(new AuditEntry(now, teacherUserId, Optional.of(schoolClass.id()), action, detail));
    }
}
