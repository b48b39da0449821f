package nl.classbridge.checkin.questionnaire;

import java.util.Map;
import java.util.Objects;
import nl.classbridge.domain.Language;

/**
 * One option of a choice question.
 *
 * @param id    what is stored as the answer; stays the same when the labels are edited
 * @param label the button or menu text in each language
 */
public record Option(String id, Map<Language, String> label) {

    public Option {
        Objects.requireNonNull(id, "id");
        label = Map.copyOf(label);
    }

    public String label(Language language) {
        return label.get(language);
    }
}
