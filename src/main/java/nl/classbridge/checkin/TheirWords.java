package nl.classbridge.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.Language;
import nl.classbridge.translation.FamilyWords;
import nl.classbridge.translation.Rendition;

/**
 * A round's free-text answers and email notes, rendered for the teacher's language: the family's
 * stored language to the class's. Only those texts are sent, never names, and only for the round
 * the teacher reads (not the previous one the insight compares with).
 */
final class TheirWords {
    private TheirWords() {}

    static RoundResults of(RoundResults results, Language classLanguage, FamilyWords words) {
        List<FamilyWords.Written> written = new ArrayList<>();
        for (RoundResults.Family family : results.families()) {
            Language theirs = family.guardian().plan().languageOr(classLanguage);
            for (RoundResults.Given given : family.answers()) {
                free(given).ifPresent(text -> written.add(new FamilyWords.Written(text, theirs)));
            }
            family.emailNote()
                    .flatMap(Answer::value)
                    .filter(text -> !text.isBlank())
                    .ifPresent(text -> written.add(new FamilyWords.Written(text, theirs)));
        }
        if (written.isEmpty()) {
            return results;
        }
        List<Rendition> renditions = words.forReader(written, classLanguage);
        int next = 0;
        List<RoundResults.Family> families = new ArrayList<>();
        for (RoundResults.Family family : results.families()) {
            List<RoundResults.Given> answers = new ArrayList<>();
            for (RoundResults.Given given : family.answers()) {
                answers.add(
                        free(given).isPresent()
                                ? new RoundResults.Given(
                                        given.question(), given.answer(), Optional.of(renditions.get(next++)))
                                : given);
            }
            Optional<Rendition> note = Optional.empty();
            if (family.emailNote()
                    .flatMap(Answer::value)
                    .filter(text -> !text.isBlank())
                    .isPresent()) {
                note = Optional.of(renditions.get(next++));
            }
            families.add(new RoundResults.Family(
                    family.student(),
                    family.guardian(),
                    family.channel(),
                    List.copyOf(answers),
                    family.emailNote(),
                    note));
        }
        return new RoundResults(results.round(), results.questionnaire(), List.copyOf(families), results.insight());
    }

    /** A free-text answer that was given: what may be translated. */
    private static Optional<String> free(RoundResults.Given given) {
        return given.question().type() == QuestionType.TEXT && !given.answer().skipped()
                ? given.answer().value().filter(text -> !text.isBlank())
                : Optional.empty();
    }
}
