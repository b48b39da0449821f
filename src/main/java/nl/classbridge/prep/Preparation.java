package nl.classbridge.prep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.RoundInsight;
import nl.classbridge.checkin.RoundResults;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Reading;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.HighlightRepository;
import nl.classbridge.store.StudentRepository;

/**
 * Gathers the sheet to prepare a parent conversation about one child: the class's recent
 * highlights, what every guardian of the child answered (the start of the year, the latest
 * check-ins, the questionnaire before the coming conversation), the child's view, the roles, the
 * agreements with each guardian's answer, the after-conversation answers of the last conversation
 * held, and the questions to ask. Reads only, and audits the reading ({@link Reading#PREP}: who and
 * which child by id); the caller checked that the teacher may read the class.
 */
public final class Preparation {
    /** The highlights of the last few weeks: what is fresh in the teacher's and the class's mind. */
    static final Duration RECENT_HIGHLIGHTS = Duration.ofDays(28);
    /** The check-ins shown per guardian, the latest: the sheet stays one page. */
    static final int CHECK_INS = 3;

    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final CheckinRepository checkins;
    private final ConversationRepository conversations;
    private final AgreementRepository agreements;
    private final HighlightRepository highlights;
    private final QuestionnaireVersions versions;
    private final ActiveQuestionnaires questionnaires;
    private final TeacherAsks teacherAsks;
    private final AuditLog auditLog;
    private final Clock clock;

    public Preparation(
            StudentRepository students,
            GuardianRepository guardians,
            CheckinRepository checkins,
            ConversationRepository conversations,
            AgreementRepository agreements,
            HighlightRepository highlights,
            QuestionnaireVersions versions,
            ActiveQuestionnaires questionnaires,
            TeacherAsks teacherAsks,
            AuditLog auditLog,
            Clock clock) {
        this.students = students;
        this.guardians = guardians;
        this.checkins = checkins;
        this.conversations = conversations;
        this.agreements = agreements;
        this.highlights = highlights;
        this.versions = versions;
        this.questionnaires = questionnaires;
        this.teacherAsks = teacherAsks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What {@link #prepare} found. */
    public sealed interface Prepared {
        record Sheet(PrepSheet sheet) implements Prepared {}

        /** No child of that name in the class. */
        record NoSuchStudent(String typed) implements Prepared {}
    }

    /**
     * The sheet for the child called {@code studentName} (as the teacher typed it) in {@code
     * schoolClass}, read by {@code readerUserId}.
     */
    public Prepared prepare(SchoolClass schoolClass, long readerUserId, String studentName) {
        Optional<Student> found = students.findByName(schoolClass.id(), studentName.strip());
        if (found.isEmpty()) {
            return new Prepared.NoSuchStudent(studentName);
        }
        Student student = found.get();
        Instant now = clock.instant();
        ConversationRepository.OfChild ofChild = conversations.of(student.id());
        Optional<ParentConversation> current = ofChild.current();
        Optional<ParentConversation> lastHeld = ofChild.lastHeld();
        Optional<Long> beforeRound = current.flatMap(ParentConversation::beforeRoundId);
        Optional<Long> afterRound = lastHeld.flatMap(ParentConversation::afterRoundId);

        List<GuardianLink> links = guardians.linksOf(student.id());
        Map<Long, Guardian> linked = new LinkedHashMap<>();
        links.forEach(link -> linked.put(link.guardian().id(), link.guardian()));
        Map<Long, List<PrepSheet.Told>> toldBy = toldBy(student, linked.keySet(), beforeRound, afterRound);
        List<PrepSheet.Family> families = new ArrayList<>();
        List<PrepSheet.FamilyTold> after = new ArrayList<>();
        Map<Long, PrepSheet.Family> byGuardian = new HashMap<>();
        for (GuardianLink link : links) {
            List<PrepSheet.Told> all = toldBy.getOrDefault(link.guardian().id(), List.of());
            PrepSheet.Family family = new PrepSheet.Family(
                    link.guardian(), link.discordName().or(() -> link.guardian().email()), shown(all));
            families.add(family);
            byGuardian.put(link.guardian().id(), family);
            all.stream()
                    .filter(told -> told.kind() == PrepSheet.RoundKind.AFTER)
                    .forEach(told -> after.add(new PrepSheet.FamilyTold(family, told)));
        }
        List<PrepSheet.AgreementState> states = agreements.ofStudent(student.id()).stream()
                .map(agreement -> new PrepSheet.AgreementState(
                        agreement,
                        agreements.confirmations(agreement.id()).stream()
                                .filter(confirmation -> byGuardian.containsKey(confirmation.guardianId()))
                                .map(confirmation ->
                                        new PrepSheet.Stand(byGuardian.get(confirmation.guardianId()), confirmation))
                                .toList()))
                .toList();
        PrepSheet sheet = new PrepSheet(
                schoolClass,
                student,
                now,
                current,
                highlights.since(schoolClass.id(), now.minus(RECENT_HIGHLIGHTS)),
                families,
                wellBeing(student, linked, toldBy),
                conversations.childViews(student.id()),
                teacherAsks.of(schoolClass),
                states,
                lastHeld.map(held -> new PrepSheet.Held(held, after)),
                List.of());
        Optional<Questionnaire> before = current.filter(ParentConversation::upcoming)
                .flatMap(ParentConversation::beforeRoundId)
                .flatMap(checkins::findRound)
                .map(round -> versions.get(round.questionnaireVersionId()));
        QuestionsToAsk.Context context = new QuestionsToAsk.Context(
                questionnaires.find(FamilyQuestions.START_OF_YEAR).map(ActiveQuestionnaires.Active::questionnaire),
                before,
                LocalDate.ofInstant(now, schoolClass.timezone()),
                askedForContact(families));
        auditLog.record(Reading.PREP.entry(now, readerUserId, schoolClass.id(), "student=" + student.id()));
        return new Prepared.Sheet(sheet.withQuestions(QuestionsToAsk.of(sheet, context)));
    }

    /**
     * Per guardian linked to the child now, every round they answered about the child that the sheet
     * shows, oldest first, each well-being answer with their point in the previous round of that
     * questionnaire. A family no longer linked is not read: their access, and their part, ended.
     */
    private Map<Long, List<PrepSheet.Told>> toldBy(
            Student student, Set<Long> linked, Optional<Long> beforeRound, Optional<Long> afterRound) {
        Map<Long, List<PrepSheet.Told>> toldBy = new LinkedHashMap<>();
        // Per guardian, questionnaire and question: their last well-being point so far.
        Map<String, Integer> lastPoint = new HashMap<>();
        for (CheckinRepository.RequestInRound asked : checkins.requestsAbout(student.id())) {
            CheckinRound round = asked.round();
            Questionnaire questionnaire = versions.get(round.questionnaireVersionId());
            Optional<PrepSheet.RoundKind> kind = kind(round, questionnaire, beforeRound, afterRound);
            long guardianId = asked.request().guardianId();
            if (kind.isEmpty() || !linked.contains(guardianId)) {
                continue;
            }
            List<Answer> answers = checkins.answers(asked.request().id());
            if (answers.isEmpty()) {
                continue;
            }
            Map<String, Answer> byQuestion = new LinkedHashMap<>();
            answers.forEach(answer -> byQuestion.put(answer.questionId(), answer));
            List<PrepSheet.Said> said = new ArrayList<>();
            for (Question question : questionnaire.asked()) {
                Answer answer = byQuestion.get(question.id());
                if (answer == null) {
                    continue;
                }
                Optional<Integer> before = Optional.empty();
                if (question.wellBeing() && question.type() == QuestionType.SCALE) {
                    String key = guardianId + "/" + questionnaire.id() + "/" + question.id();
                    before = Optional.ofNullable(lastPoint.get(key));
                    answer.value().ifPresent(value -> lastPoint.put(key, Integer.parseInt(value)));
                }
                said.add(new PrepSheet.Said(question, answer, before));
            }
            toldBy.computeIfAbsent(guardianId, id -> new ArrayList<>())
                    .add(new PrepSheet.Told(
                            round,
                            questionnaire,
                            kind.get(),
                            said,
                            Optional.ofNullable(byQuestion.get(Answer.EMAIL_NOTE))));
        }
        return toldBy;
    }

    /** What a round was to this child; empty for a round about them the sheet does not show. */
    private static Optional<PrepSheet.RoundKind> kind(
            CheckinRound round, Questionnaire questionnaire, Optional<Long> beforeRound, Optional<Long> afterRound) {
        if (questionnaire.id().equals(FamilyQuestions.START_OF_YEAR)) {
            return Optional.of(PrepSheet.RoundKind.START_OF_YEAR);
        }
        if (beforeRound.equals(Optional.of(round.id()))) {
            return Optional.of(PrepSheet.RoundKind.BEFORE);
        }
        if (afterRound.equals(Optional.of(round.id()))) {
            return Optional.of(PrepSheet.RoundKind.AFTER);
        }
        return round.forClass() ? Optional.of(PrepSheet.RoundKind.CHECK_IN) : Optional.empty();
    }

    /**
     * What the sheet shows of one guardian's rounds: the latest start of the year, the latest
     * {@link #CHECK_INS} check-ins and the questionnaire before the coming conversation, in order.
     * The after-conversation answers stand with that conversation instead.
     */
    private static List<PrepSheet.Told> shown(List<PrepSheet.Told> all) {
        Optional<PrepSheet.Told> startOfYear = all.stream()
                .filter(told -> told.kind() == PrepSheet.RoundKind.START_OF_YEAR)
                .reduce((first, second) -> second);
        List<PrepSheet.Told> checkIns = all.stream()
                .filter(told -> told.kind() == PrepSheet.RoundKind.CHECK_IN)
                .toList();
        List<PrepSheet.Told> latest = checkIns.subList(Math.max(0, checkIns.size() - CHECK_INS), checkIns.size());
        return all.stream()
                .filter(told -> startOfYear.map(told::equals).orElse(false)
                        || latest.contains(told)
                        || told.kind() == PrepSheet.RoundKind.BEFORE)
                .toList();
    }

    /**
     * The child's well-being as {@code /checkin results} counts it ({@link RoundInsight}): in the
     * latest check-in in which a guardian gave a point, against the round before it.
     */
    private Optional<PrepSheet.WellBeing> wellBeing(
            Student student, Map<Long, Guardian> linked, Map<Long, List<PrepSheet.Told>> toldBy) {
        List<PrepSheet.Told> checkIns = toldBy.values().stream()
                .flatMap(List::stream)
                .filter(told -> told.kind() == PrepSheet.RoundKind.CHECK_IN)
                .filter(told -> told.said().stream()
                        .anyMatch(said ->
                                said.question().wellBeing() && !said.answer().skipped()))
                .toList();
        Optional<CheckinRound> latest = checkIns.stream()
                .map(PrepSheet.Told::round)
                .max((a, b) -> a.startedAt().equals(b.startedAt())
                        ? Long.compare(a.id(), b.id())
                        : a.startedAt().compareTo(b.startedAt()));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        CheckinRound round = latest.get();
        Questionnaire questionnaire = versions.get(round.questionnaireVersionId());
        List<RoundResults.Family> now = results(student, linked, toldBy, round.id());
        Optional<List<RoundResults.Family>> before =
                checkins.previousRound(round).map(previous -> results(student, linked, toldBy, previous.id()));
        RoundInsight insight = RoundInsight.of(questionnaire, now, before);
        return insight.wellBeingQuestion()
                .flatMap(scale -> insight.of(student).map(child -> new PrepSheet.WellBeing(scale, child)));
    }

    /** The guardians' answers about the child in round {@code roundId}, as a round's results hold them. */
    private static List<RoundResults.Family> results(
            Student student, Map<Long, Guardian> linked, Map<Long, List<PrepSheet.Told>> toldBy, long roundId) {
        List<RoundResults.Family> families = new ArrayList<>();
        toldBy.forEach((guardianId, told) -> told.stream()
                .filter(one -> one.round().id() == roundId)
                .forEach(one -> families.add(new RoundResults.Family(
                        student,
                        linked.get(guardianId),
                        ContactChannel.DISCORD, // not read by the insight
                        one.said().stream()
                                .map(said -> new RoundResults.Given(said.question(), said.answer()))
                                .toList(),
                        one.emailNote()))));
        return families;
    }

    /**
     * Whether a parent said "yes" to the question marked {@code contact: true} the last time they
     * were asked it: they would like to talk, so the sheet suggests asking what about.
     */
    private static boolean askedForContact(List<PrepSheet.Family> families) {
        return families.stream()
                .anyMatch(family -> family.told().stream()
                        .filter(told -> told.said().stream()
                                .anyMatch(said -> said.question().contact()))
                        .max(Comparator.comparing(told -> told.round().startedAt()))
                        .map(told -> told.said().stream()
                                .anyMatch(said -> said.answer()
                                        .value()
                                        .filter(said.question()::asksForContact)
                                        .isPresent()))
                        .orElse(false));
    }
}
