package nl.classbridge.prep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Agreement;
import nl.classbridge.domain.ConfirmationStatus;

/**
 * The rules that turn gaps in what the teacher knows into open questions for the conversation, the
 * most pressing first: the family asked for contact; the child's well-being fell or is low; a
 * guardian sees an agreement differently; an open agreement's day to align again has come; the
 * child's own view is missing; a question of the families' questionnaires nobody answered.
 */
public final class QuestionsToAsk {
    private QuestionsToAsk() {}

    /**
     * What the sheet cannot tell by itself.
     *
     * @param startOfYear     the start-of-year questionnaire as it is asked now, if the school has it
     * @param before          the questionnaire before the coming conversation, if it was sent
     * @param today           today in the class's time zone
     * @param askedForContact whether the family asked for contact
     */
    public record Context(
            Optional<Questionnaire> startOfYear,
            Optional<Questionnaire> before,
            LocalDate today,
            boolean askedForContact) {}

    /** The questions for {@code sheet} (its own {@code questions} are not read). */
    public static List<QuestionToAsk> of(PrepSheet sheet, Context context) {
        List<QuestionToAsk> questions = new ArrayList<>();
        if (context.askedForContact()) {
            questions.add(new QuestionToAsk.AskedForContact());
        }
        sheet.wellBeing().ifPresent(wellBeing -> {
            var child = wellBeing.child();
            if (child.dropped()) {
                questions.add(new QuestionToAsk.WellBeingDropped(
                        wellBeing.scale(), child.now(), child.before().orElseThrow()));
            } else if (child.low()) {
                questions.add(new QuestionToAsk.WellBeingLow(wellBeing.scale(), child.now()));
            }
        });
        for (PrepSheet.AgreementState state : sheet.agreements()) {
            boolean differs = state.stands().stream()
                    .anyMatch(stand -> stand.confirmation().status() == ConfirmationStatus.DIFFERS);
            if (differs) {
                questions.add(new QuestionToAsk.SeenDifferently(state.agreement()));
            }
        }
        for (PrepSheet.AgreementState state : sheet.agreements()) {
            if (alignAgainDue(state.agreement(), context.today())) {
                questions.add(new QuestionToAsk.AlignAgain(state.agreement()));
            }
        }
        if (sheet.childViews().isEmpty()) {
            questions.add(new QuestionToAsk.NoChildView());
        }
        context.startOfYear()
                .ifPresent(questionnaire -> FamilyQuestions.KEY_START_OF_YEAR.stream()
                        .flatMap(id -> questionnaire.question(id).stream())
                        .filter(question -> !answered(sheet, PrepSheet.RoundKind.START_OF_YEAR, question))
                        .forEach(question -> questions.add(new QuestionToAsk.NotAnswered(question))));
        context.before()
                .ifPresent(questionnaire -> questionnaire.asked().stream()
                        .filter(question -> question.plan().isEmpty())
                        .filter(question -> !answered(sheet, PrepSheet.RoundKind.BEFORE, question))
                        .forEach(question -> questions.add(new QuestionToAsk.NotAnswered(question))));
        return List.copyOf(questions);
    }

    /** Open, with a day to align again that is today or has passed: the conversation is the moment. */
    static boolean alignAgainDue(Agreement agreement, LocalDate today) {
        return agreement.open()
                && agreement.alignAgainOn().map(day -> !today.isBefore(day)).orElse(false);
    }

    /** Whether any family gave an answer (not skipped) to {@code question} in a round of {@code kind}. */
    private static boolean answered(PrepSheet sheet, PrepSheet.RoundKind kind, Question question) {
        return sheet.families().stream()
                .flatMap(family -> family.told().stream())
                .filter(told -> told.kind() == kind)
                .anyMatch(told -> told.given(question.id()).isPresent());
    }
}
