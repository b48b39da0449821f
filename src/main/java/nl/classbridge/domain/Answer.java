package nl.classbridge.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A guardian's answer to one question: a scale point, an option id, yes/no or free text. Personal
 * data for the teacher's eyes only: never logged, never posted.
 */
public record Answer(
        long requestId,
        String questionId,
        Optional<String> value,
        boolean skipped,
        AnswerSource source,
        Instant answeredAt) {

    /**
     * The question id under which the words of an email reply that answer no numbered question are
     * kept, for the teacher to read with the results. Not a questionnaire's id: those are words.
     */
    public static final String EMAIL_NOTE = "email-note";

    public Answer {
        Objects.requireNonNull(value, "value");
        if (!skipped && value.isEmpty()) {
            throw new IllegalArgumentException("an answer that is not skipped has a value");
        }
    }

    public static Answer given(long requestId, String questionId, String value, AnswerSource source, Instant at) {
        return new Answer(requestId, questionId, Optional.of(value), false, source, at);
    }

    public static Answer skipped(long requestId, String questionId, AnswerSource source, Instant at) {
        return new Answer(requestId, questionId, Optional.empty(), true, source, at);
    }
}
