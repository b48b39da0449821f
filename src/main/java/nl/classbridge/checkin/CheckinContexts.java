package nl.classbridge.checkin;

import java.util.List;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.Messages;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;

/** Gathers what a check-in message says about a request: child, class, teacher, deadline, language. */
public final class CheckinContexts {
    private final CheckinRepository checkins;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final SchoolClassRepository classes;
    private final QuestionnaireVersions versions;
    private final Messages messages;

    public CheckinContexts(CheckinRepository checkins, StudentRepository students, GuardianRepository guardians,
            SchoolClassRepository classes, QuestionnaireVersions versions, Messages messages) {
        this.checkins = checkins;
        this.students = students;
        this.guardians = guardians;
        this.classes = classes;
        this.versions = versions;
        this.messages = messages;
    }

    public CheckinContext of(CheckinRequest request) {
        return of(request, checkins.findRound(request.roundId()).orElseThrow());
    }

    /** The same, with the request's round already at hand (a press's transaction read it): one read less. */
    public CheckinContext of(CheckinRequest request, CheckinRound round) {
        if (round.id() != request.roundId()) {
            throw new IllegalArgumentException("round " + round.id() + " is not request " + request.id() + "'s");
        }
        Student student = students.find(request.studentId()).orElseThrow();
        Guardian guardian = guardians.find(request.guardianId()).orElseThrow();
        SchoolClass schoolClass = classes.find(student.classId()).orElseThrow();
        List<Language> chain = messages.chainFor(guardian, schoolClass);
        Language language = chain.get(0);
        return new CheckinContext(request, versions.get(round.questionnaireVersionId()), student.name(),
                schoolClass.name(), schoolClass.teacherName(), Dates.day(round.deadline(), schoolClass.timezone(), language),
                chain, language);
    }
}
