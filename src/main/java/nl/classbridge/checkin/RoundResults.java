package nl.classbridge.checkin;

import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Student;

/**
 * The answers of a round, for the teacher's eyes only: per child and guardian who answered, each
 * question asked with its answer (or that it was skipped), in the questionnaire's order, and what
 * an email reply said besides; and the {@link RoundInsight} over those answers. The Discord side
 * decides how it looks.
 */
public record RoundResults(
        CheckinRound round, Questionnaire questionnaire, List<Family> families, RoundInsight insight) {

    /** One guardian's answers about one child. */
    public record Family(
            Student student,
            Guardian guardian,
            ContactChannel channel,
            List<Given> answers,
            Optional<Answer> emailNote) {}

    /** A question and the answer to it. */
    public record Given(Question question, Answer answer) {}
}
