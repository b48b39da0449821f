package nl.classbridge.preferences;

import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.checkin.questionnaire.PlanField;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.Language;

/**
 * The best contact times a family can choose: the options of the questionnaire question that sets
 * them ({@code plan: contact-times}, in the start-of-year questionnaire), with the teacher's labels,
 * so {@code /preferences} offers exactly what the start of the year asked and stores the same ids.
 */
public final class ContactTimes {
    private static final String START_OF_YEAR = "start-of-year";

    private final Optional<Question> question;

    private ContactTimes(Optional<Question> question) {
        this.question = question;
    }

    /** The question in the start-of-year questionnaire, else in any other; none when no file has one. */
    public static ContactTimes of(ActiveQuestionnaires questionnaires) {
        Optional<Question> found = questionnaires
                .find(START_OF_YEAR)
                .flatMap(active -> planQuestion(active.questionnaire().questions()));
        for (String id : questionnaires.ids()) {
            if (found.isPresent()) {
                break;
            }
            found = questionnaires
                    .find(id)
                    .flatMap(active -> planQuestion(active.questionnaire().questions()));
        }
        return new ContactTimes(found);
    }

    /** Options given directly, for tests and for a school without the questionnaire. */
    public static ContactTimes of(Optional<Question> question) {
        return new ContactTimes(question);
    }

    private static Optional<Question> planQuestion(List<Question> questions) {
        return questions.stream()
                .filter(q -> q.plan().filter(PlanField.CONTACT_TIMES::equals).isPresent())
                .findFirst();
    }

    public List<Option> options() {
        return question.map(Question::options).orElse(List.of());
    }

    /** The option a stored or chosen id stands for, if it is one. */
    public Optional<Option> option(String id) {
        return question.flatMap(q -> q.option(id));
    }

    /** The option a family wrote, by its id or its label in any language. */
    public Optional<String> read(String typed) {
        return question.map(q -> q.check(typed))
                .filter(check -> check instanceof AnswerCheck.Accepted)
                .map(check -> ((AnswerCheck.Accepted) check).value());
    }

    /** The label of a stored id in {@code language}; the id itself when the option is gone. */
    public String label(String id, Language language) {
        return option(id).map(o -> o.label(language)).orElse(id);
    }
}
