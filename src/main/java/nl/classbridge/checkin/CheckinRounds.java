package nl.classbridge.checkin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;

/**
 * The teacher's side of check-ins: start a round for the class and invite every family, remind
 * once. Both are audited; what a round shows is {@link RoundOverview}'s.
 */
public final class CheckinRounds {
    public static final int DEFAULT_DEADLINE_DAYS = 7;
    public static final int MAX_DEADLINE_DAYS = 60;
    private static final String TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Database database;
    private final CheckinRepository checkins;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final ActiveQuestionnaires questionnaires;
    private final QuestionnaireVersions versions;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final RandomGenerator random;

    public CheckinRounds(
            Database database,
            CheckinRepository checkins,
            StudentRepository students,
            GuardianRepository guardians,
            ActiveQuestionnaires questionnaires,
            QuestionnaireVersions versions,
            Outbox outbox,
            AuditLog auditLog,
            Clock clock) {
        this(
                database,
                checkins,
                students,
                guardians,
                questionnaires,
                versions,
                outbox,
                auditLog,
                clock,
                new SecureRandom());
    }

    CheckinRounds(
            Database database,
            CheckinRepository checkins,
            StudentRepository students,
            GuardianRepository guardians,
            ActiveQuestionnaires questionnaires,
            QuestionnaireVersions versions,
            Outbox outbox,
            AuditLog auditLog,
            Clock clock,
            RandomGenerator random) {
        this.database = database;
        this.checkins = checkins;
        this.students = students;
        this.guardians = guardians;
        this.questionnaires = questionnaires;
        this.versions = versions;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
    }

    /** What {@link #start} did. */
    public sealed interface Started {
        /** The round, with one request per guardian per child, each family invited. */
        record Round(CheckinRound round, ActiveQuestionnaires.Active questionnaire, List<CheckinRequest> requests)
                implements Started {
            /** How many families were asked (a parent of two children is one family). */
            public int families() {
                return firstPerGuardian(requests).size();
            }
        }

        record UnknownQuestionnaire(String id, List<String> known) implements Started {}

        record AlreadyRunning(CheckinRound round, Questionnaire questionnaire) implements Started {}

        record DeadlineOutOfRange(int days) implements Started {}

        /** No child in the class has a guardian yet: invite families first. */
        record NoFamilies() implements Started {}
    }

    /**
     * Starts a round of {@code questionnaireId} for the whole class: a request for every guardian
     * of every child, through the channel their plan and reachability allow, and the invitations in
     * the outbox; the outbox then paces the DMs. All or nothing.
     */
    public Started start(SchoolClass schoolClass, String questionnaireId, int deadlineDays, long teacherUserId) {
        Optional<ActiveQuestionnaires.Active> questionnaire = questionnaires.find(questionnaireId);
        // The questionnaires before and after a parent conversation are about one child: never for the class.
        if (questionnaire.isEmpty() || ActiveQuestionnaires.ABOUT_ONE_CHILD.contains(questionnaireId)) {
            return new Started.UnknownQuestionnaire(questionnaireId, questionnaires.classIds());
        }
        if (deadlineDays < 1 || deadlineDays > MAX_DEADLINE_DAYS) {
            return new Started.DeadlineOutOfRange(deadlineDays);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            Optional<CheckinRound> running = checkins.openRound(schoolClass.id(), now);
            if (running.isPresent()) {
                return new Started.AlreadyRunning(
                        running.get(), versions.get(running.get().questionnaireVersionId()));
            }
            Map<Student, List<Guardian>> families = families(schoolClass);
            if (families.values().stream().allMatch(List::isEmpty)) {
                return new Started.NoFamilies();
            }
            CheckinRound round = checkins.startRound(
                    schoolClass.id(),
                    questionnaire.get().version().id(),
                    token(),
                    teacherUserId,
                    now,
                    Deadlines.afterDays(now, deadlineDays, schoolClass.timezone()));
            List<CheckinRequest> requests = invite(schoolClass, round, families, now);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "checkin.start",
                    "questionnaire=" + questionnaireId + " version="
                            + questionnaire.get().version().version() + " requests=" + requests.size()));
            return new Started.Round(round, questionnaire.get(), List.copyOf(requests));
        });
    }

    /** What {@link #startAboutChild} did. */
    public sealed interface AboutChild {
        /** The round about the child, with a request per guardian, each invited. */
        record Started(CheckinRound round, List<CheckinRequest> requests) implements AboutChild {}

        record UnknownQuestionnaire(String id) implements AboutChild {}

        /** The child has no guardian yet: nobody to ask. */
        record NoFamily() implements AboutChild {}
    }

    /**
     * Starts a round of {@code questionnaireId} about one child, open until {@code deadline}: a
     * request for each of the child's guardians, invited exactly as for a class round (their channel,
     * their language), so the DM flow, email replies, follow-ups and results work the same. Runs in
     * the caller's transaction when there is one.
     */
    public AboutChild startAboutChild(
            SchoolClass schoolClass, Student student, String questionnaireId, Instant deadline, long teacherUserId) {
        Optional<ActiveQuestionnaires.Active> questionnaire = questionnaires.find(questionnaireId);
        if (questionnaire.isEmpty()) {
            return new AboutChild.UnknownQuestionnaire(questionnaireId);
        }
        Instant now = clock.instant();
        return database.transaction(() -> {
            List<Guardian> family = guardians.ofStudent(student.id());
            if (family.isEmpty()) {
                return new AboutChild.NoFamily();
            }
            CheckinRound round = checkins.startRound(
                    schoolClass.id(),
                    Optional.of(student.id()),
                    questionnaire.get().version().id(),
                    token(),
                    teacherUserId,
                    now,
                    deadline);
            List<CheckinRequest> requests = invite(schoolClass, round, Map.of(student, family), now);
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "checkin.start-about-child",
                    "questionnaire=" + questionnaireId + " round=" + round.id() + " requests=" + requests.size()));
            return new AboutChild.Started(round, List.copyOf(requests));
        });
    }

    /**
     * A request for every guardian of every child in {@code families}, through the channel their
     * plan and reachability allow, and the invitations in the outbox: the one way a round, for the
     * class or about one child, reaches families.
     */
    private List<CheckinRequest> invite(
            SchoolClass schoolClass, CheckinRound round, Map<Student, List<Guardian>> families, Instant now) {
        List<CheckinRequest> requests = new ArrayList<>();
        families.forEach((student, ofStudent) -> ofStudent.forEach(guardian -> {
            CheckinRequest request =
                    checkins.addRequest(round.id(), guardian.id(), student.id(), channelFor(guardian), now);
            if (guardian.unreachable()) {
                checkins.updateProgress(request.id(), RequestStatus.UNREACHABLE, 0, now);
                request = checkins.findRequest(request.id()).orElseThrow();
            }
            requests.add(request);
        }));
        outbox.enqueueAll(invitations(schoolClass, round, requests));
        return requests;
    }

    /**
     * What each family gets: on Discord one greeting (children follow one at a time); by email
     * the questions about each child; both when their communication plan says so.
     */
    private List<OutgoingMessage> invitations(
            SchoolClass schoolClass, CheckinRound round, List<CheckinRequest> requests) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (CheckinRequest first : firstPerGuardian(requests)) {
            if (first.channel() == ContactChannel.DISCORD && first.status() != RequestStatus.UNREACHABLE) {
                messages.add(CheckinMail.greeting(schoolClass.id(), round, first));
            }
        }
        for (CheckinRequest request : requests) {
            Guardian guardian = guardians.find(request.guardianId()).orElseThrow();
            boolean byEmail =
                    request.channel() == ContactChannel.EMAIL || guardian.plan().channel() == ContactChannel.BOTH;
            if (byEmail && guardian.reachableByEmail()) {
                messages.add(CheckinMail.questionnaireByEmail(schoolClass.id(), round, request));
            }
        }
        return messages;
    }

    /** What {@link #remind} did. */
    public sealed interface Reminded {
        /** The requests still open, once per guardian; a reminder to each is in the outbox. */
        record ToSend(CheckinRound round, List<CheckinRequest> pending) implements Reminded {}

        record AlreadyReminded(CheckinRound round) implements Reminded {}

        record NobodyPending(CheckinRound round) implements Reminded {}

        record NoOpenRound() implements Reminded {}
    }

    /**
     * One reminder per round to the guardians who have not finished, by DM or by email as their
     * request goes; a second call sends nothing.
     */
    public Reminded remind(SchoolClass schoolClass, long teacherUserId) {
        Instant now = clock.instant();
        return database.transaction(() -> {
            Optional<CheckinRound> open = checkins.openRound(schoolClass.id(), now);
            if (open.isEmpty()) {
                return new Reminded.NoOpenRound();
            }
            CheckinRound round = open.get();
            if (round.remindedAt().isPresent()) {
                return new Reminded.AlreadyReminded(round);
            }
            Map<Long, CheckinRequest> oncePerGuardian = new LinkedHashMap<>();
            for (CheckinRequest request : checkins.requests(round.id())) {
                boolean stillOpen =
                        request.status() == RequestStatus.PENDING || request.status() == RequestStatus.IN_PROGRESS;
                if (stillOpen) {
                    oncePerGuardian.putIfAbsent(request.guardianId(), request);
                }
            }
            if (oncePerGuardian.isEmpty()) {
                return new Reminded.NobodyPending(round);
            }
            checkins.markReminded(round.id(), now);
            outbox.enqueueAll(oncePerGuardian.values().stream()
                    .map(request -> CheckinMail.reminder(
                            schoolClass.id(),
                            round,
                            request,
                            request.channel() == ContactChannel.EMAIL
                                    ? DeliveryChannel.EMAIL
                                    : DeliveryChannel.DISCORD_DM))
                    .toList());
            auditLog.record(new AuditEntry(
                    now,
                    teacherUserId,
                    Optional.of(schoolClass.id()),
                    "checkin.remind",
                    "round=" + round.id() + " guardians=" + oncePerGuardian.size()));
            return new Reminded.ToSend(round, List.copyOf(oncePerGuardian.values()));
        });
    }

    private Map<Student, List<Guardian>> families(SchoolClass schoolClass) {
        Map<Student, List<Guardian>> families = new LinkedHashMap<>();
        for (Student student : students.inClass(schoolClass.id())) {
            families.put(student, guardians.ofStudent(student.id()));
        }
        return families;
    }

    /** Discord when the plan includes it and DMs work; else email; a family with neither is noted. */
    private static ContactChannel channelFor(Guardian guardian) {
        if (guardian.wantsDiscord()) {
            return ContactChannel.DISCORD;
        }
        return guardian.reachableByEmail() ? ContactChannel.EMAIL : ContactChannel.DISCORD;
    }

    /** The first request of each guardian: a family is greeted once, about their first child. */
    static List<CheckinRequest> firstPerGuardian(List<CheckinRequest> requests) {
        Map<Long, CheckinRequest> first = new LinkedHashMap<>();
        requests.forEach(request -> first.putIfAbsent(request.guardianId(), request));
        return List.copyOf(first.values());
    }

    private String token() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }
}
