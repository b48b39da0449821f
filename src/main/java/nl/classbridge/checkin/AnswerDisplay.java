package nl.classbridge.checkin;

import java.util.List;
import java.util.Map;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;

/** An answer as the family gave it, in their language: the label of a point or option, yes or no, or the text. */
public final class AnswerDisplay {
    private AnswerDisplay() {}

    /** The stored value of an answer to {@code question}, shown in {@code language}; {@code chain} for yes/no. */
    public static String show(
            Question question, String value, Language language, Messages messages, List<Language> chain) {
        return switch (question.type()) {
            case SCALE -> question.label(Integer.parseInt(value), language);
            case CHOICE ->
                question.option(value).map(option -> option.label(language)).orElse(value);
            case YES_NO ->
                messages.text("yes".equals(value) ? "common.yes" : "common.no", chain, Map.of())
                        .words();
            default -> value;
        };
    }
}
