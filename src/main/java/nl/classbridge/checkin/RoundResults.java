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
import nl.classbridge.translation.Rendition;

/**
 * The answers of a round, for the teacher's eyes only: per child and guardian who answered, each
 * question asked with its answer (or that it was skipped), in the questionnaire's order, and what
 * an email reply said besides; and the {@link RoundInsight} over those answers. The Discord side
 * decides how it looks.
 */
public record RoundResults(
        CheckinRound round, Questionnaire questionnaire, List<Family> families, RoundInsight insight) {

    /**
     * One guardian's answers about one child.
     *
     * @param noteWords the email note for the teacher's language, once {@link TheirWords} rendered it
     */
    public record Family(
            Student student,
            Guardian guardian,
            ContactChannel channel,
            List<Given> answers,
            Optional<Answer> emailNote,
            Optional<Rendition> noteWords) {

        public Family(
                Student student,
                Guardian guardian,
                ContactChannel channel,
                List<Given> answers,
                Optional<Answer> emailNote) {
            this(student, guardian, channel, answers, emailNote, Optional.empty());
        }
    }

    /**
     * A question and the answer to it.
     *
     * @param words a free-text answer for the teacher's language, once {@link TheirWords} rendered it
     */
    public record Given(Question question, Answer answer, Optional<Rendition> words) {
        public Given(Question question, Answer answer) {
            this(question, answer, Optional.empty());
        }
    }
}
