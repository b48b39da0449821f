package nl.classbridge.checkin;

import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text;

/**
 * Everything a check-in message says besides the step itself: whose request, about which child,
 * from which class and teacher, until when, in which languages.
 *
 * @param chain    the languages to try for texts (family, class, school, English)
 * @param language the language the questionnaire's own texts are shown in
 * @param deadline the deadline as the family reads it, e.g. "vrijdag 12 september"
 * @param classNeeds what the teacher needs from parents in their own words ({@code /class needs}),
 *                 if written, as the family reads them (machine-translated with the original beside
 *                 it when the school translates); shown instead of the questionnaire's generic text,
 *                 see {@link InfoTexts}
 * @param meeting  for the questions before a parent conversation: when that conversation is, as the
 *                 family reads it; empty for every other round
 */
public record CheckinContext(
        CheckinRequest request,
        Questionnaire questionnaire,
        String child,
        String className,
        String teacher,
        String deadline,
        List<Language> chain,
        Language language,
        Optional<List<Text.Span>> classNeeds,
        Optional<Meeting> meeting) {

    /** The day of a parent conversation, and its time when one was set, in the family's language. */
    public record Meeting(String day, Optional<String> time) {}

    /** A context for a round that prepares no conversation, in a class whose teacher wrote no needs. */
    public CheckinContext(
            CheckinRequest request,
            Questionnaire questionnaire,
            String child,
            String className,
            String teacher,
            String deadline,
            List<Language> chain,
            Language language) {
        this(
                request,
                questionnaire,
                child,
                className,
                teacher,
                deadline,
                chain,
                language,
                Optional.empty(),
                Optional.empty());
    }
}
