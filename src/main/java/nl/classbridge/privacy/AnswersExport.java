package nl.classbridge.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.AnswerDisplay;
import nl.classbridge.checkin.QuestionnaireVersions;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.Questionnaire;
import nl.classbridge.domain.Answer;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.Reading;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.Messages;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.QuestionnaireRepository;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /export}: the class's rounds and answers as rows for a spreadsheet, for the class's
 * teachers only. One row per answer, oldest round first: the round (its start day and the
 * questionnaire's title), the questionnaire's version, the child, the parent (their Discord name as
 * in {@code /guardian list}, or their email address), the question in the class's language, the
 * answer as the teacher reads it (a scale's or option's label in the class's language, or the
 * family's own words), whether it was skipped (then the answer is empty), the family's language and
 * when it was answered (the class's time zone). Rounds about one child (before and after a
 * conversation) are included; what an email reply said besides the numbered answers is a row of its
 * own. Only this class's rounds and children. Reads only, and audits the reading ({@link
 * Reading#EXPORT}: who, the child by id or {@code student=all}, and how many rows).
 */
public final class AnswersExport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] COLUMNS = {
        "round",
        "questionnaire",
        "version",
        "student",
        "guardian",
        "question",
        "answer",
        "skipped",
        "language",
        "answered"
    };

    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final CheckinRepository checkins;
    private final QuestionnaireRepository questionnaires;
    private final QuestionnaireVersions versions;
    private final Messages messages;
    private final AuditLog auditLog;
    private final Clock clock;

    public AnswersExport(
            StudentRepository students,
            GuardianRepository guardians,
            CheckinRepository checkins,
            QuestionnaireRepository questionnaires,
            QuestionnaireVersions versions,
            Messages messages,
            AuditLog auditLog,
            Clock clock) {
        this.students = students;
        this.guardians = guardians;
        this.checkins = checkins;
        this.questionnaires = questionnaires;
        this.versions = versions;
        this.messages = messages;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the teacher asked for: the rows, or that there is no such child in the class. */
    public sealed interface Exported {
        /** The CSV file's text; {@code rows} answers in it, the header not counted. */
        record File(String csv, int rows, Optional<Student> student) implements Exported {}

        /** No child of that name in this class (nor said whether one exists elsewhere). */
        record NoStudent() implements Exported {}
    }

    /**
     * The class's answers, or only those about the child the teacher named ({@code onlyStudent} as
     * typed), read by {@code readerUserId}.
     */
    public Exported export(SchoolClass schoolClass, long readerUserId, Optional<String> onlyStudent) {
        Optional<Student> only = Optional.empty();
        if (onlyStudent.isPresent() && !onlyStudent.get().isBlank()) {
            only = students.findByName(schoolClass.id(), onlyStudent.get().strip());
            if (only.isEmpty()) {
                return new Exported.NoStudent();
            }
        }
        List<Language> chain = messages.chain(Optional.empty(), Optional.of(schoolClass.language()));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) {
            header.add(words("export.column." + column, chain));
        }
        rows.add(header);
        List<CheckinRound> rounds = new ArrayList<>(checkins.rounds(schoolClass.id(), Integer.MAX_VALUE));
        Collections.reverse(rounds);
        Map<Long, Optional<Student>> childCache = new HashMap<>();
        for (CheckinRound round : rounds) {
            if (round.classId() != schoolClass.id()) {
                continue;
            }
            Questionnaire questionnaire = versions.get(round.questionnaireVersionId());
            String version = questionnaires
                    .find(round.questionnaireVersionId())
                    .map(v -> String.valueOf(v.version()))
                    .orElse("");
            String started = day(round.startedAt(), schoolClass.timezone());
            String title = questionnaire.title(schoolClass.language());
            for (CheckinRequest request : checkins.requests(round.id())) {
                Optional<Student> student = childCache.computeIfAbsent(request.studentId(), students::find);
                if (student.isEmpty()
                        || student.get().classId() != schoolClass.id()
                        || (only.isPresent() && only.get().id() != student.get().id())) {
                    continue;
                }
                Optional<Guardian> guardian = guardians.find(request.guardianId());
                String who = guardian.map(g -> nameOf(g, student.get(), chain))
                        .orElseGet(() -> words("teacher.guardian.name-unknown", chain));
                Language language = guardian.flatMap(g -> g.plan().language()).orElse(schoolClass.language());
                Map<String, Answer> answers = new HashMap<>();
                checkins.answers(request.id()).forEach(answer -> answers.put(answer.questionId(), answer));
                List<Given> given = new ArrayList<>();
                for (Question question : questionnaire.asked()) {
                    Optional.ofNullable(answers.get(question.id()))
                            .ifPresent(answer -> given.add(new Given(
                                    question.text(schoolClass.language()),
                                    answer,
                                    answer.value()
                                            .map(value -> AnswerDisplay.show(
                                                    question, value, schoolClass.language(), messages, chain)))));
                }
                Optional.ofNullable(answers.get(Answer.EMAIL_NOTE))
                        .ifPresent(note -> given.add(new Given(words("export.email-note", chain), note, note.value())));
                for (Given one : given) {
                    rows.add(List.of(
                            started,
                            title,
                            version,
                            student.get().name(),
                            who,
                            one.question(),
                            one.shown().orElse(""),
                            one.answer().skipped() ? words("export.skipped", chain) : "",
                            language.nativeName(),
                            minute(one.answer().answeredAt(), schoolClass.timezone())));
                }
            }
        }
        String scope =
                only.map(student -> "student=" + student.id()).orElse("student=all") + " rows=" + (rows.size() - 1);
        auditLog.record(Reading.EXPORT.entry(clock.instant(), readerUserId, schoolClass.id(), scope));
        return new Exported.File(Csv.write(rows), rows.size() - 1, only);
    }

    private record Given(String question, Answer answer, Optional<String> shown) {}

    /** As {@code /guardian list} names them: their Discord name, else their email address. */
    private String nameOf(Guardian guardian, Student student, List<Language> chain) {
        return guardians.linksOf(student.id()).stream()
                .filter(link -> link.guardian().id() == guardian.id())
                .findFirst()
                .flatMap(GuardianLink::discordName)
                .or(guardian::email)
                .orElseGet(() -> words("teacher.guardian.name-unknown", chain));
    }

    private String words(String key, List<Language> chain) {
        return messages.text(key, chain, Map.of()).words();
    }

    private static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    private static String minute(Instant instant, ZoneId zone) {
        return MINUTE.format(instant.atZone(zone));
    }
}
