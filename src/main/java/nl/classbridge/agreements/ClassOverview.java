package nl.classbridge.agreements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.RoundInsight;
import nl.classbridge.checkin.RoundOverview;
import nl.classbridge.checkin.RoundResults;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Reading;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.StudentRepository;

/**
 * Where each family of the class stands, on one screen for the teacher: the child's last well-being
 * answer, the open agreements, the next day to align again, the next or last conversation, and what
 * the family said after it. Reads only, and audits the reading ({@link Reading#CLASS_OVERVIEW}).
 */
public final class ClassOverview {
    private final StudentRepository students;
    private final AgreementRepository agreements;
    private final ConversationRepository conversations;
    private final CheckinRepository checkins;
    private final QuestionnaireVersions versions;
    private final RoundOverview rounds;
    private final AuditLog auditLog;
    private final Clock clock;

    public ClassOverview(
            StudentRepository students,
            AgreementRepository agreements,
            ConversationRepository conversations,
            CheckinRepository checkins,
            QuestionnaireVersions versions,
            RoundOverview rounds,
            AuditLog auditLog,
            Clock clock) {
        this.students = students;
        this.agreements = agreements;
        this.conversations = conversations;
        this.checkins = checkins;
        this.versions = versions;
        this.rounds = rounds;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The child's well-being point (1-5) in the class's latest round, and the day that round began. */
    public record WellBeing(int point, LocalDate roundDay) {}

    /** A question of the after-conversation questionnaire with a family's answer (scales, choices, yes-no). */
    public record AfterAnswer(Question question, String value, Questionnaire questionnaire) {}

    /** One child's line. */
    public record Child(
            Student student,
            Optional<WellBeing> wellBeing,
            List<Agreement> openAgreements,
            Optional<LocalDate> nextAlignment,
            Optional<ParentConversation> conversation,
            List<AfterAnswer> afterConversation) {}

    /** Every child of the class, by name, read by {@code readerUserId}. */
    public List<Child> of(SchoolClass schoolClass, long readerUserId) {
        Optional<RoundResults> latest = rounds.results(schoolClass, Optional.empty());
        List<Child> children = new ArrayList<>();
        for (Student student : students.inClass(schoolClass.id())) {
            Optional<WellBeing> wellBeing = latest.flatMap(results -> results.insight()
                    .of(student)
                    .map(RoundInsight.ChildWellBeing::now)
                    .map(point -> new WellBeing(
                            point,
                            results.round()
                                    .startedAt()
                                    .atZone(schoolClass.timezone())
                                    .toLocalDate())));
            List<Agreement> open = agreements.ofStudent(student.id()).stream()
                    .filter(Agreement::open)
                    .toList();
            Optional<ParentConversation> conversation = conversations.current(student.id());
            children.add(new Child(
                    student,
                    wellBeing,
                    open,
                    agreements.nextAlignment(student.id()),
                    conversation,
                    conversation
                            .flatMap(ParentConversation::afterRoundId)
                            .map(this::afterAnswers)
                            .orElse(List.of())));
        }
        children.sort(
                (a, b) -> a.student().name().compareToIgnoreCase(b.student().name()));
        auditLog.record(Reading.CLASS_OVERVIEW.entry(
                clock.instant(),
                readerUserId,
                schoolClass.id(),
                "children=" + children.size()
                        + latest.map(results -> " round=" + results.round().id())
                                .orElse("")));
        return List.copyOf(children);
    }

    /** The first family's answers to the after-conversation round, its short questions only. */
    private List<AfterAnswer> afterAnswers(long roundId) {
        return checkins.findRound(roundId)
                .map(round -> {
                    Questionnaire questionnaire = versions.get(round.questionnaireVersionId());
                    for (CheckinRequest request : checkins.requests(roundId)) {
                        List<Answer> answers = checkins.answers(request.id());
                        List<AfterAnswer> shown = new ArrayList<>();
                        for (Question question : questionnaire.asked()) {
                            if (question.type() != QuestionType.SCALE
                                    && question.type() != QuestionType.YES_NO
                                    && question.type() != QuestionType.CHOICE) {
                                continue;
                            }
                            answers.stream()
                                    .filter(answer -> answer.questionId().equals(question.id())
                                            && !answer.skipped()
                                            && answer.value().isPresent())
                                    .findFirst()
                                    .ifPresent(answer -> shown.add(new AfterAnswer(
                                            question, answer.value().get(), questionnaire)));
                        }
                        if (!shown.isEmpty()) {
                            return List.copyOf(shown);
                        }
                    }
                    return List.<AfterAnswer>of();
                })
                .orElse(List.of());
    }
}
