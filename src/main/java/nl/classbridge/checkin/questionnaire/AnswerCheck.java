package nl.classbridge.checkin.questionnaire;

/**
 * What a parent's reply to one question comes to, whether it came from a button, a DM or an
 * email: one rule for every channel. See {@link Question#check(String)}.
 */
public sealed interface AnswerCheck {

    /**
     * The reply fits the question. {@code value} is what is stored: a scale point "1".."5", an
     * option id, "yes" or "no", or the text without surrounding white space.
     */
    record Accepted(String value) implements AnswerCheck {}

    /** Nothing but white space. Whether that may be skipped is up to the conversation. */
    record Empty() implements AnswerCheck {}

    /** Not a point of the scale, an option, yes or no; or it could mean more than one of them. */
    record Unclear() implements AnswerCheck {}

    /** A text longer than the question allows; the parent is asked to shorten it. */
    record TooLong(int length, int maxLength) implements AnswerCheck {}
}
