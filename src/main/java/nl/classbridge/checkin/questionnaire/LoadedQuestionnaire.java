package nl.classbridge.checkin.questionnaire;

import java.util.Objects;

/**
 * A questionnaire with the file text it was read from, as the store keeps its versions: see
 * {@code QuestionnaireRepository#remember(questionnaire, contentHash, definition, now)}.
 *
 * @param definition  the file's text (without a byte order mark)
 * @param contentHash SHA-256 of the definition, in hex; a new hash makes a new stored version
 */
public record LoadedQuestionnaire(Questionnaire questionnaire, String definition, String contentHash) {

    public LoadedQuestionnaire {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public String id() {
        return questionnaire.id();
    }
}
