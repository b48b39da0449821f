package nl.classbridge.prep;

import java.util.Optional;
import nl.classbridge.checkin.ActiveQuestionnaires;
import nl.classbridge.domain.SchoolClass;

/**
 * What the teacher asks of the parents, in the class's language, for the roles on the sheet. For
 * now the start-of-year questionnaire's {@code teacher-needs} text; a class that states its own
 * needs can plug that in here.
 */
@FunctionalInterface
public interface TeacherAsks {

    /** The text for {@code schoolClass}, if there is one. */
    Optional<String> of(SchoolClass schoolClass);

    /** The {@code teacher-needs} info text of the start-of-year questionnaire as it is asked now. */
    static TeacherAsks fromStartOfYear(ActiveQuestionnaires questionnaires) {
        return schoolClass -> questionnaires
                .find(FamilyQuestions.START_OF_YEAR)
                .flatMap(active -> active.questionnaire().question(FamilyQuestions.TEACHER_NEEDS))
                .map(question -> question.text(schoolClass.language()));
    }
}
