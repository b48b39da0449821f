package nl.classbridge.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.RequestStatus;

/**
 * The rules of one check-in conversation, without storage or Discord: given the questionnaire,
 * the request's stored position and the answers so far, which step comes now and which after an
 * answer. The position is an index into the questionnaire's questions (texts that are only shown
 * included); the summary comes when every question that is asked has an answer or was skipped.
 */
public final class Conversation {
    private final Questionnaire questionnaire;
    private final List<Question> questions;
    private final Map<String, Answer> answers;

    public Conversation(Questionnaire questionnaire, List<Answer> answers) {
        this.questionnaire = questionnaire;
        this.questions = questionnaire.questions();
        this.answers = answers.stream().collect(Collectors.toMap(Answer::questionId, Function.identity(), (a, b) -> b));
    }

    /** The step for a request as stored. */
    public Step stepAt(CheckinRequest request) {
        if (request.status() == RequestStatus.PENDING) {
            return new Step.Greeting();
        }
        return stepAt(request.position());
    }

    /** The step with the question at {@code position} asked, or the summary past the end. */
    public Step stepAt(int position) {
        if (position >= questions.size() || !questions.get(position).answerable()) {
            return summary();
        }
        Question question = questions.get(position);
        List<Question> shownBefore = new ArrayList<>();
        for (int i = position - 1; i >= 0 && !questions.get(i).answerable(); i--) {
            shownBefore.add(0, questions.get(i));
        }
        return new Step.Ask(
                question,
                numberOf(position),
                questionnaire.asked().size(),
                shownBefore,
                Optional.ofNullable(answers.get(question.id())));
    }

    /** Where a conversation starts: the first question that is asked. */
    public int firstPosition() {
        return nextOpenAfter(-1);
    }

    /**
     * Where to go after {@code position} was answered: the next question without an answer after
     * it, else the first one without an answer anywhere, else the summary.
     */
    public int nextOpenAfter(int position) {
        for (int i = position + 1; i < questions.size(); i++) {
            if (open(i)) {
                return i;
            }
        }
        for (int i = 0; i <= position && i < questions.size(); i++) {
            if (open(i)) {
                return i;
            }
        }
        return questions.size();
    }

    /** The index of the asked question {@code questionId}, if the questionnaire has one. */
    public Optional<Integer> positionOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId) && questions.get(i).answerable()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether every asked question has an answer (or was skipped). */
    public boolean complete() {
        return nextOpenAfter(-1) == questions.size();
    }

    /** The same conversation with one more answer (replacing an earlier one to the same question). */
    public Conversation with(Answer answer) {
        List<Answer> all = new ArrayList<>(answers.values());
        all.removeIf(a -> a.questionId().equals(answer.questionId()));
        all.add(answer);
        return new Conversation(questionnaire, all);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    private boolean open(int index) {
        return questions.get(index).answerable()
                && !answers.containsKey(questions.get(index).id());
    }

    private int numberOf(int position) {
        int number = 0;
        for (int i = 0; i <= position; i++) {
            if (questions.get(i).answerable()) {
                number++;
            }
        }
        return number;
    }

    private Step.Summary summary() {
        return new Step.Summary(questionnaire.asked().stream()
                .map(q -> new Step.Summary.Line(q, Optional.ofNullable(answers.get(q.id()))))
                .toList());
    }
}
