package nl.classbridge.checkin.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.classbridge.domain.Language;

/**
 * A set of questions the teacher sends to parents, such as the start-of-year conversation or a
 * short check-in, in all six languages. Read from {@code config/questionnaires/<id>.yml} by
 * {@link QuestionnaireLoader}, which checks everything below.
 *
 * @param id        lower-case letters, digits and dashes; the file name without {@code .yml}
 * @param version   the version the teacher wrote in the file; the store numbers versions by
 *                  content on its own
 * @param title     at most 45 characters, so it fits a Discord window title
 * @param questions the questions and info items, in the order they are asked
 */
public record Questionnaire(
        String id, int version, Map<Language, String> title, Map<Language, String> intro, List<Question> questions) {

    public Questionnaire {
        Objects.requireNonNull(id, "id");
        title = Map.copyOf(title);
        intro = Map.copyOf(intro);
        questions = List.copyOf(questions);
    }

    public String title(Language language) {
        return title.get(language);
    }

    public String intro(Language language) {
        return intro.get(language);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The questions a parent answers, in order: all but the info items. */
    public List<Question> asked() {
        return questions.stream().filter(Question::answerable).toList();
    }

    /** The question whose answer sets this part of the family's communication plan, if any. */
    public Optional<Question> planQuestion(PlanField field) {
        return questions.stream()
                .filter(q -> q.plan().equals(Optional.of(field)))
                .findFirst();
    }
}
