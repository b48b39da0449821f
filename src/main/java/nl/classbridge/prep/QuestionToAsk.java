package nl.classbridge.prep;

import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.Agreement;

/** An open question for the teacher to ask in the conversation, drawn from a gap in what is known. */
public sealed interface QuestionToAsk {

    /** Nobody answered this question of the families' questionnaire yet (or they skipped it). */
    record NotAnswered(Question question) implements QuestionToAsk {}

    /** The child's well-being fell by 2 or more since the previous check-in. */
    record WellBeingDropped(Question scale, int now, int before) implements QuestionToAsk {}

    /** The child's well-being is low now (1 or 2). */
    record WellBeingLow(Question scale, int now) implements QuestionToAsk {}

    /** The teacher did not record the child's own view yet. */
    record NoChildView() implements QuestionToAsk {}

    /** A guardian sees an agreement differently. */
    record SeenDifferently(Agreement agreement) implements QuestionToAsk {}

    /** An open agreement's day to align again has come. */
    record AlignAgain(Agreement agreement) implements QuestionToAsk {}

    /** The family asked for contact. */
    record AskedForContact() implements QuestionToAsk {}
}
