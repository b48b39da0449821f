package nl.classbridge.conversations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.CheckinRounds;
import nl.classbridge.checkin.Deadlines;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.StudentRepository;

/**
 * The teacher's side of a parent conversation about one child: plan it (the family gets the
 * before-conversation questions), mark it held (the family gets the after-conversation questions),
 * call it off, list what is coming. The child's own view is kept by {@link ChildViews}, the teacher's look
 * back by {@link Reflections}. Every change is audited without personal text.
 */
public final class ConversationPlans {
    public static final String BEFORE = "before-conversation";
    public static final String AFTER = "after-conversation";

    private final Database database;
    private final ConversationRepository conversations;
    private final StudentRepository students;
    private final CheckinRepository checkins;
    private final CheckinRounds rounds;
    private final AuditLog auditLog;
    private final Clock clock;

    public ConversationPlans(
            Database database,
            ConversationRepository conversations,
            StudentRepository students,
            CheckinRepository checkins,
            CheckinRounds rounds,
            AuditLog auditLog,
            Clock clock) {
        this.database = database;
        this.conversations = conversations;
        this.students = students;
        this.checkins = checkins;
        this.rounds = rounds;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Whether and how the family was asked the questions for a conversation. */
    public enum Invitation {
        /** The questions are on their way to every guardian of the child. */
        SENT,
        /** The questions were sent before and stay open until the conversation. */
        ALREADY_SENT,
        /** The child has no guardian yet. */
        NO_FAMILY,
        /** The conversation starts before families could answer (today, without a later time). */
        TOO_SOON
    }

    /** What {@link #plan} did. */
    public sealed interface Planned {
        /**
         * A conversation planned, or the child's upcoming one moved ({@code moved}).
         *
         * @param askChildFirst whether the teacher is reminded to ask the child for their own view first
         */
        record Done(ParentConversation conversation, boolean moved, Invitation invitation, boolean askChildFirst)
                implements Planned {}

        record UnknownChild(String name) implements Planned {}

        /** Not a date as yyyy-mm-dd. */
        record BadDate(String typed) implements Planned {}

        /** Not a time as hh:mm. */
        record BadTime(String typed) implements Planned {}

        record InThePast() implements Planned {}
    }

    /**
     * Plans a conversation about the child named {@code studentName} on {@code date} (yyyy-mm-dd)
     * and perhaps at {@code time} (hh:mm), in the class's time zone. A child with an upcoming
     * conversation has it moved rather than getting a second one. The family is invited to the
     * before-conversation questions, open through the day before the conversation ({@link Deadlines#before}).
     */
    public Planned plan(
            SchoolClass schoolClass,
            String studentName,
            String date,
            Optional<String> time,
            boolean withChild,
            long teacherUserId) {
        Optional<LocalDate> on = parseDate(date);
        if (on.isEmpty()) {
            return new Planned.BadDate(date);
        }
        Optional<LocalTime> at = Optional.empty();
        if (time.isPresent()) {
            at = parseTime(time.get());
            if (at.isEmpty()) {
                return new Planned.BadTime(time.get());
            }
        }
        Instant now = clock.instant();
        ZoneId zone = schoolClass.timezone();
        Instant starts = startOf(on.get(), at, zone);
        boolean past = on.get().isBefore(now.atZone(zone).toLocalDate()) || (at.isPresent() && !starts.isAfter(now));
        if (past) {
            return new Planned.InThePast();
        }
        Optional<Student> student = students.findByName(schoolClass.id(), studentName.strip());
        if (student.isEmpty()) {
            return new Planned.UnknownChild(studentName);
        }
        boolean askChildFirst = withChild || ClassGroup.of(schoolClass.name()).olderChildren();
        Optional<LocalTime> plannedAt = at;
        return database.transaction(() -> {
            Optional<ParentConversation> upcoming =
                    conversations.upcoming(student.get().id());
            ParentConversation conversation;
            if (upcoming.isPresent()) {
                conversations.reschedule(upcoming.get().id(), on.get(), plannedAt, withChild);
                conversations.moveBeforeRoundDeadline(upcoming.get().id(), Deadlines.before(starts, now, zone));
                conversation = conversations.find(upcoming.get().id()).orElseThrow();
            } else {
                conversation = conversations.plan(
                        schoolClass.id(), student.get().id(), on.get(), plannedAt, withChild, teacherUserId, now);
            }
            Invitation invitation = conversation.beforeRoundId().isPresent()
                    ? Invitation.ALREADY_SENT
                    : invite(schoolClass, student.get(), conversation, starts, teacherUserId);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    upcoming.isPresent() ? "conversation.move" : "conversation.plan",
                    "conversation=" + conversation.id() + " invitation=" + invitation));
            return new Planned.Done(
                    conversations.find(conversation.id()).orElseThrow(),
                    upcoming.isPresent(),
                    invitation,
                    askChildFirst);
        });
    }

    private Invitation invite(
            SchoolClass schoolClass,
            Student student,
            ParentConversation conversation,
            Instant starts,
            long teacherUserId) {
        if (!starts.isAfter(clock.instant())) {
            return Invitation.TOO_SOON;
        }
        CheckinRounds.AboutChild started = rounds.startAboutChild(
                schoolClass,
                student,
                BEFORE,
                Deadlines.before(starts, clock.instant(), schoolClass.timezone()),
                teacherUserId);
        if (started instanceof CheckinRounds.AboutChild.Started round) {
            conversations.setBeforeRound(conversation.id(), round.round().id());
            return Invitation.SENT;
        }
        if (started instanceof CheckinRounds.AboutChild.UnknownQuestionnaire) {
            throw new IllegalStateException("the " + BEFORE + " questionnaire is not in the questionnaire folder");
        }
        return Invitation.NO_FAMILY;
    }

    /** What {@link #held} did. */
    public sealed interface Held {
        /** Marked held; the family's questions afterwards are {@code invitation}. */
        record Done(ParentConversation conversation, Invitation invitation) implements Held {}

        record UnknownChild(String name) implements Held {}

        /** Nothing planned for the child. */
        record NonePlanned() implements Held {}

        /** The child's last conversation was marked held already. */
        record AlreadyHeld(ParentConversation conversation) implements Held {}
    }

    /**
     * The child's upcoming conversation took place: marked held, the before questions closed, and the
     * family invited to the after-conversation questions.
     */
    public Held held(SchoolClass schoolClass, String studentName, long teacherUserId) {
        Optional<Student> student = students.findByName(schoolClass.id(), studentName.strip());
        if (student.isEmpty()) {
            return new Held.UnknownChild(studentName);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            ConversationRepository.OfChild ofChild =
                    conversations.of(student.get().id());
            Optional<ParentConversation> upcoming = ofChild.upcoming();
            if (upcoming.isEmpty()) {
                return ofChild.lastHeld().<Held>map(Held.AlreadyHeld::new).orElseGet(Held.NonePlanned::new);
            }
            ParentConversation conversation = upcoming.get();
            conversations.markHeld(conversation.id(), now);
            conversation.beforeRoundId().ifPresent(round -> checkins.closeRound(round, now));
            CheckinRounds.AboutChild started = rounds.startAboutChild(
                    schoolClass,
                    student.get(),
                    AFTER,
                    Deadlines.afterDays(now, CheckinRounds.DEFAULT_DEADLINE_DAYS, schoolClass.timezone()),
                    teacherUserId);
            Invitation invitation = Invitation.NO_FAMILY;
            if (started instanceof CheckinRounds.AboutChild.Started round) {
                conversations.setAfterRound(conversation.id(), round.round().id());
                invitation = Invitation.SENT;
            }
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "conversation.held",
                    "conversation=" + conversation.id() + " invitation=" + invitation));
            return new Held.Done(conversations.find(conversation.id()).orElseThrow(), invitation);
        });
    }

    /** What {@link #cancel} did. */
    public sealed interface Cancelled {
        record Done(ParentConversation conversation) implements Cancelled {}

        record UnknownChild(String name) implements Cancelled {}

        record NonePlanned() implements Cancelled {}
    }

    /** Calls off the child's upcoming conversation; its before questions close. */
    public Cancelled cancel(SchoolClass schoolClass, String studentName, long teacherUserId) {
        Optional<Student> student = students.findByName(schoolClass.id(), studentName.strip());
        if (student.isEmpty()) {
            return new Cancelled.UnknownChild(studentName);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            Optional<ParentConversation> upcoming =
                    conversations.upcoming(student.get().id());
            if (upcoming.isEmpty()) {
                return new Cancelled.NonePlanned();
            }
            conversations.cancel(upcoming.get().id(), now);
            upcoming.get().beforeRoundId().ifPresent(round -> checkins.closeRound(round, now));
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "conversation.cancel",
                    "conversation=" + upcoming.get().id()));
            return new Cancelled.Done(upcoming.get());
        });
    }

    /**
     * An upcoming conversation in the class's list.
     *
     * @param answered guardians who answered the before questions
     * @param asked    guardians who were asked them (0 when none were sent)
     */
    public record Upcoming(ParentConversation conversation, Student student, int answered, int asked) {}

    /** The class's upcoming conversations by day and time, with how many families answered beforehand. */
    public List<Upcoming> upcoming(SchoolClass schoolClass) {
        return conversations.ofClass(schoolClass.id()).stream()
                .filter(ParentConversation::upcoming)
                .sorted(Comparator.comparing(ParentConversation::plannedOn)
                        .thenComparing(
                                conversation -> conversation.plannedTime().orElse(LocalTime.MIN)))
                .flatMap(conversation -> students.find(conversation.studentId()).stream()
                        .map(student -> {
                            List<CheckinRequest> requests = conversation
                                    .beforeRoundId()
                                    .map(checkins::requests)
                                    .orElse(List.of());
                            int answered = (int) requests.stream()
                                    .filter(request -> request.status() == RequestStatus.ANSWERED)
                                    .count();
                            return new Upcoming(conversation, student, answered, requests.size());
                        }))
                .toList();
    }

    /** When a conversation starts: its time, or the start of its day, in the class's zone. */
    static Instant startOf(LocalDate on, Optional<LocalTime> at, ZoneId zone) {
        return at.map(time -> on.atTime(time).atZone(zone).toInstant())
                .orElseGet(() -> on.atStartOfDay(zone).toInstant());
    }

    private static Optional<LocalDate> parseDate(String typed) {
        try {
            return Optional.of(LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> parseTime(String typed) {
        String clean = typed.strip();
        // "9:30" is as clear as "09:30"; seconds are not a teacher's business.
        if (!clean.matches("\\d{1,2}[:.]\\d{2}")) {
            return Optional.empty();
        }
        String[] parts = clean.split("[:.]");
        int hours = Integer.parseInt(parts[0]);
        int minutes = Integer.parseInt(parts[1]);
        return hours < 24 && minutes < 60 ? Optional.of(LocalTime.of(hours, minutes)) : Optional.empty();
    }
}
