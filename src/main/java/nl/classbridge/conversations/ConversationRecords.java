package nl.classbridge.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ChildView;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Messages;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * What ClassBridge knows about a child's current conversation, for the class's teachers only (to
 * prepare it, or to look back): the conversation, what the family answered before and after it,
 * and what the child said when asked first. Personal data: never for a channel or a log.
 *
 * <p>Usage: {@code records.of(schoolClass, studentId)}; the child must be of {@code schoolClass}.
 */
public final class ConversationRecords {
    /**
     * One answer of a guardian.
     *
     * @param questionText   the question in the teacher's (the class's) language
     * @param answer         the answer as given, a scale or option shown by its label in the class's
     *                       language; empty when skipped
     * @param familyLanguage the language the family was asked in, for "answered in Arabic" beside free text
     */
    public record GivenAnswer(
            String questionId,
            String questionText,
            Optional<String> answer,
            long guardianId,
            Language familyLanguage) {}

    /**
     * A child's current conversation (the upcoming one, or else the last one held) with what goes with it.
     *
     * @param before     the answers to the before-conversation questions, guardian by guardian
     * @param after      the answers to the after-conversation questions
     * @param childViews everything the child said when asked first, newest first (also views recorded
     *                   before this conversation was planned)
     */
    public record ConversationRecord(
            ParentConversation conversation,
            List<GivenAnswer> before,
            List<GivenAnswer> after,
            List<ChildView> childViews) {}

    private final ConversationRepository conversations;
    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final QuestionnaireVersions versions;
    private final Messages messages;

    public ConversationRecords(
            ConversationRepository conversations,
            CheckinRepository checkins,
            GuardianRepository guardians,
            QuestionnaireVersions versions,
            Messages messages) {
        this.conversations = conversations;
        this.checkins = checkins;
        this.guardians = guardians;
        this.versions = versions;
        this.messages = messages;
    }

    /** The child's current conversation, if the class has one for them. */
    public Optional<ConversationRecord> of(SchoolClass schoolClass, long studentId) {
        return conversations
                .current(studentId)
                .filter(conversation -> conversation.classId() == schoolClass.id())
                .map(conversation -> new ConversationRecord(
                        conversation,
                        answers(schoolClass, conversation.beforeRoundId()),
                        answers(schoolClass, conversation.afterRoundId()),
                        conversations.childViews(studentId)));
    }

    private List<GivenAnswer> answers(SchoolClass schoolClass, Optional<Long> roundId) {
        Optional<CheckinRound> round = roundId.flatMap(checkins::findRound);
        if (round.isEmpty()) {
            return List.of();
        }
        Questionnaire questionnaire = versions.get(round.get().questionnaireVersionId());
        Language teacher = schoolClass.language();
        List<Language> chain = messages.chain(Optional.empty(), Optional.of(teacher));
        List<GivenAnswer> given = new ArrayList<>();
        for (CheckinRequest request : checkins.requests(round.get().id())) {
            Language family = guardians
                    .find(request.guardianId())
                    .map(Guardian::plan)
                    .map(plan -> plan.languageOr(teacher))
                    .orElse(teacher);
            for (Answer answer : checkins.answers(request.id())) {
                Optional<Question> question = questionnaire.question(answer.questionId());
                String text = question.map(asked -> asked.text(teacher)).orElse(answer.questionId());
                Optional<String> shown = answer.value()
                        .map(value -> question.map(asked -> AnswerDisplay.show(asked, value, teacher, messages, chain))
                                .orElse(value));
                given.add(new GivenAnswer(answer.questionId(), text, shown, request.guardianId(), family));
            }
        }
        return List.copyOf(given);
    }
}
