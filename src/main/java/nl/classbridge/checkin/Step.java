package nl.classbridge.checkin;

import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.Answer;

/** What a parent sees next in a check-in about one child. */
public sealed interface Step {

    /** Not started yet: the greeting with a button to begin. */
    record Greeting() implements Step {}

    /**
     * One question, with its place ({@code number} of {@code total}) and any texts that are shown
     * rather than asked just before it (such as what the teacher needs from parents).
     */
    record Ask(Question question, int number, int total, List<Question> shownBefore, Optional<Answer> earlier)
            implements Step {}

    /** Every question with the answer given, to check and change before finishing. */
    record Summary(List<Line> lines) implements Step {
        /** A question and its answer, if one was given or skipped. */
        public record Line(Question question, Optional<Answer> answer) {}
    }
}
