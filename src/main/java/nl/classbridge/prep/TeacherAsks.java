package nl.classbridge.prep;

import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.ClassNeedsRepository;

/**
 * What the teacher asks of the parents, for the roles on the sheet: the class's own words
 * ({@code /class needs}), or else the start-of-year questionnaire's {@code teacher-needs} text in the
 * class's language.
 */
@FunctionalInterface
public interface TeacherAsks {

    /** The text for {@code schoolClass}, if there is one. */
    Optional<String> of(SchoolClass schoolClass);

    /** The teacher's own words when they wrote them, else the start-of-year questionnaire's text. */
    static TeacherAsks inOwnWords(ClassNeedsRepository needs, ActiveQuestionnaires questionnaires) {
        TeacherAsks general = fromStartOfYear(questionnaires);
        return schoolClass -> needs.of(schoolClass.id()).or(() -> general.of(schoolClass));
    }

    /** The {@code teacher-needs} info text of the start-of-year questionnaire as it is asked now. */
    static TeacherAsks fromStartOfYear(ActiveQuestionnaires questionnaires) {
        return schoolClass -> questionnaires
                .find(FamilyQuestions.START_OF_YEAR)
                .flatMap(active -> active.questionnaire().question(FamilyQuestions.TEACHER_NEEDS))
                .map(question -> question.text(schoolClass.language()));
    }
}
