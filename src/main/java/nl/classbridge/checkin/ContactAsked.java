package nl.classbridge.checkin;

import java.util.Map;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.roster.TeacherDm;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/**
 * A family answered "yes" to the questionnaire's contact question ({@code contact: true}): they
 * would like to talk with the teacher. The class's teacher is told at once, privately, through the
 * outbox: which child and which questionnaire, nothing else of the answers. Once per request, so a
 * parent who changes the answer back and forth is not announced again.
 */
public final class ContactAsked {
    /** The catalogue key of the notice. */
    public static final String NOTICE = "teacher.checkin.contact-asked";

    private final SchoolClassRepository classes;
    private final StudentRepository students;
    private final QuestionnaireVersions versions;
    private final TeacherDm teachers;

    public ContactAsked(
            SchoolClassRepository classes,
            StudentRepository students,
            QuestionnaireVersions versions,
            TeacherDm teachers) {
        this.classes = classes;
        this.students = students;
        this.versions = versions;
        this.teachers = teachers;
    }

    /** Called with every answer stored; tells the teacher when it is a first "yes, let's talk". */
    public void answered(CheckinRound round, CheckinRequest request, Question question, String value) {
        if (!question.asksForContact(value)) {
            return;
        }
        classes.find(round.classId())
                .ifPresent(schoolClass -> students.find(request.studentId())
                        .ifPresent(student -> teachers.tell(
                                schoolClass.teacherUserId(),
                                schoolClass,
                                NOTICE,
                                Map.of(
                                        "student",
                                        student.name(),
                                        "questionnaire",
                                        versions.get(round.questionnaireVersionId())
                                                .title(schoolClass.language())),
                                "notice:contact-asked:request:" + request.id())));
    }
}
