package nl.classbridge.cli;

import java.util.ArrayList;
import java.util.List;
import nl.classbridge.checkin.questionnaire.LoadResult;
import nl.classbridge.checkin.questionnaire.QuestionnaireLoader;
import nl.classbridge.config.Texts;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.MessageCatalogue;

/**
 * What {@code check-config} says about the texts: the message catalogue must load (else the bot
 * cannot start); gaps in translations and broken questionnaires are worth knowing but do not
 * stop the bot. Reads files only; the database is not touched.
 */
final class TextsCheck {
    /** A summary line per part, problems that stop start-up, and warnings. */
    record Outcome(List<String> summary, List<String> errors, List<String> warnings) {}

    private TextsCheck() {}

    static Outcome of(Texts texts) {
        List<String> summary = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            MessageCatalogue catalogue = MessageCatalogue.load(texts.messagesFolder());
            summary.add("messages: " + catalogue.allKeys().size() + " texts in "
                    + catalogue.languages().size() + " languages from " + texts.messagesFolder());
            catalogue.inconsistencies().forEach(problem -> warnings.add("messages " + problem));
        } catch (CatalogueException e) {
            errors.add("texts.messages-folder: " + e.getMessage());
        }
        LoadResult questionnaires = QuestionnaireLoader.loadAll(texts.questionnairesFolder());
        summary.add("questionnaires: "
                + String.join(
                        ", ", questionnaires.loaded().keySet().stream().sorted().toList()) + " from "
                + texts.questionnairesFolder());
        questionnaires.problems().forEach(problem -> warnings.add("questionnaire left out: " + problem));
        return new Outcome(summary, errors, warnings);
    }
}
