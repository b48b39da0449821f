package nl.classbridge.checkin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Reading;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.DeliveryRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.translation.FamilyWords;

/**
 * What the teacher sees of the class's current or latest round: who stands where, and the answers.
 * Reads only; {@link #read} is the teacher reading the answers, and audits it ({@link
 * Reading#CHECKIN_RESULTS}); the other services that show answers call {@link #results} and audit
 * their own reading.
 */
public final class RoundOverview {
    private final CheckinRepository checkins;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final DeliveryRepository deliveries;
    private final QuestionnaireVersions versions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final FamilyWords familyWords;

    /** Without translation: families' words as written. */
    public RoundOverview(
            CheckinRepository checkins,
            StudentRepository students,
            GuardianRepository guardians,
            DeliveryRepository deliveries,
            QuestionnaireVersions versions,
            AuditLog auditLog,
            Clock clock) {
        this(checkins, students, guardians, deliveries, versions, auditLog, clock, FamilyWords.none());
    }

    /** With {@code familyWords}: what families wrote reaches the teacher in the class's language too. */
    public RoundOverview(
            CheckinRepository checkins,
            StudentRepository students,
            GuardianRepository guardians,
            DeliveryRepository deliveries,
            QuestionnaireVersions versions,
            AuditLog auditLog,
            Clock clock,
            FamilyWords familyWords) {
        this.checkins = checkins;
        this.students = students;
        this.guardians = guardians;
        this.deliveries = deliveries;
        this.versions = versions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.familyWords = familyWords;
    }

    /** Whether {@link #read} may wait for a translator (up to {@code translation.timeout-ms}). */
    public boolean translating() {
        return familyWords.on();
    }

    /** The round line by line, children by name; empty when the class never had one. */
    public Optional<RoundStatus> status(SchoolClass schoolClass) {
        return latestRound(schoolClass)
                .map(round -> new RoundStatus(round, versions.get(round.questionnaireVersionId()), lines(round)));
    }

    /** The round's requests, children by name. */
    private List<RoundStatus.Line> lines(CheckinRound round) {
        List<RoundStatus.Line> lines = new ArrayList<>();
        for (CheckinRequest request : checkins.requests(round.id())) {
            Student student = students.find(request.studentId()).orElseThrow();
            Guardian guardian = guardians.find(request.guardianId()).orElseThrow();
            lines.add(new RoundStatus.Line(
                    student, guardian, request.channel(), stateOf(round, request, guardian), request));
        }
        lines.sort((a, b) -> a.student().name().compareToIgnoreCase(b.student().name()));
        return List.copyOf(lines);
    }

    /** A round the teacher can pick for its results: what was asked, and when. */
    public record PastRound(CheckinRound round, Questionnaire questionnaire) {}

    /** The class's rounds, newest first, at most {@code limit}: to choose one for its results. */
    public List<PastRound> rounds(SchoolClass schoolClass, int limit) {
        return checkins.rounds(schoolClass.id(), limit).stream()
                .map(round -> new PastRound(round, versions.get(round.questionnaireVersionId())))
                .toList();
    }

    /**
     * As {@link #results(SchoolClass, Optional)}, for the round {@code roundId} the teacher chose.
     * Empty when there is no such round in this class: another class's round is not shown, nor
     * said to exist.
     */
    public Optional<RoundResults> results(SchoolClass schoolClass, long roundId, Optional<String> onlyStudent) {
        return checkins.findRound(roundId)
                .filter(round -> round.classId() == schoolClass.id())
                .map(round -> resultsOf(round, onlyStudent));
    }

    /**
     * The answers given so far, of every family or only about the child named {@code onlyStudent}
     * (as the teacher typed it); families without an answer are left out. With them the insight,
     * against the class's previous round of the same questionnaire. Empty when the class never had
     * a round.
     */
    public Optional<RoundResults> results(SchoolClass schoolClass, Optional<String> onlyStudent) {
        return latestRound(schoolClass).map(round -> resultsOf(round, onlyStudent));
    }

    /**
     * {@code /checkin results}: the results of the round {@code roundId} the teacher chose, or of
     * the current or latest round, as {@link #results}; read by {@code readerUserId} and audited as
     * one entry with the round's id and the child's id when only one child was asked for (a name not
     * in the class: {@code student=unknown}). Nothing found, nothing read, no entry. Free-text
     * answers and email notes come with their rendition for the class's language (issue 15).
     */
    public Optional<RoundResults> read(
            SchoolClass schoolClass, long readerUserId, Optional<Long> roundId, Optional<String> onlyStudent) {
        Optional<RoundResults> results = roundId.isPresent()
                ? results(schoolClass, roundId.get(), onlyStudent)
                : results(schoolClass, onlyStudent);
        results.ifPresent(read -> {
            String scope = "round=" + read.round().id()
                    + onlyStudent
                            .filter(name -> !name.isBlank())
                            .map(name -> " student="
                                    + students.findByName(schoolClass.id(), name.strip())
                                            .map(student -> String.valueOf(student.id()))
                                            .orElse("unknown"))
                            .orElse("");
            auditLog.record(Reading.CHECKIN_RESULTS.entry(clock.instant(), readerUserId, schoolClass.id(), scope));
        });
        return results.map(read -> TheirWords.of(read, schoolClass.language(), familyWords));
    }

    private RoundResults resultsOf(CheckinRound round, Optional<String> onlyStudent) {
        Questionnaire questionnaire = versions.get(round.questionnaireVersionId());
        List<RoundResults.Family> families = families(round, questionnaire, onlyStudent);
        Optional<List<RoundResults.Family>> before = checkins.previousRound(round)
                .map(previous -> families(previous, versions.get(previous.questionnaireVersionId()), onlyStudent));
        return new RoundResults(round, questionnaire, families, RoundInsight.of(questionnaire, families, before));
    }

    private List<RoundResults.Family> families(
            CheckinRound round, Questionnaire questionnaire, Optional<String> onlyStudent) {
        List<RoundResults.Family> families = new ArrayList<>();
        for (RoundStatus.Line line : lines(round)) {
            if (onlyStudent.isPresent()
                    && !line.student().name().equalsIgnoreCase(onlyStudent.get().strip())) {
                continue;
            }
            Map<String, Answer> answers = new LinkedHashMap<>();
            checkins.answers(line.request().id()).forEach(answer -> answers.put(answer.questionId(), answer));
            if (answers.isEmpty()) {
                continue;
            }
            List<RoundResults.Given> given = new ArrayList<>();
            for (Question question : questionnaire.asked()) {
                Optional.ofNullable(answers.get(question.id()))
                        .ifPresent(answer -> given.add(new RoundResults.Given(question, answer)));
            }
            families.add(new RoundResults.Family(
                    line.student(),
                    line.guardian(),
                    line.channel(),
                    List.copyOf(given),
                    Optional.ofNullable(answers.get(Answer.EMAIL_NOTE))));
        }
        return List.copyOf(families);
    }

    private Optional<CheckinRound> latestRound(SchoolClass schoolClass) {
        return checkins.openRound(schoolClass.id(), clock.instant()).or(() -> checkins.latestRound(schoolClass.id()));
    }

    private RoundStatus.State stateOf(CheckinRound round, CheckinRequest request, Guardian guardian) {
        if (request.channel() == ContactChannel.EMAIL && guardian.emailInvalid()) {
            return RoundStatus.State.BOUNCED;
        }
        return switch (request.status()) {
            case ANSWERED -> RoundStatus.State.ANSWERED;
            case IN_PROGRESS -> RoundStatus.State.IN_PROGRESS;
            case UNREACHABLE -> RoundStatus.State.UNREACHABLE;
            case PENDING ->
                guardian.unreachable()
                        ? RoundStatus.State.UNREACHABLE
                        : sent(round, request, guardian) ? RoundStatus.State.SENT : RoundStatus.State.PENDING;
        };
    }

    /** Whether the family's DM greeting or the email with the questions went out. */
    private boolean sent(CheckinRound round, CheckinRequest request, Guardian guardian) {
        String key = request.channel() == ContactChannel.EMAIL
                ? DedupeKeys.questionnaireEmail(round.id(), request.id())
                : DedupeKeys.greeting(round.id(), guardian.id());
        return deliveries
                .findByKey(key)
                .map(delivery -> delivery.status() == DeliveryStatus.SENT)
                .orElse(false);
    }
}
