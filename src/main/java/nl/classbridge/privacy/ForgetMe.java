package nl.classbridge.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.domain.ClassTeacher;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.TeacherDm;
import nl.classbridge.roster.TeacherNotices;
import nl.classbridge.store.AuditLog;
import nl.classbridge.store.ClassTeacherRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.FamilyDataRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /forget-me}, FORGET ME by email and {@code /privacy request kind:erasure}: erases one
 * guardian, after they (or their teacher, on their behalf) confirmed. In this order:
 *
 * <ol>
 *   <li>their mails leave the bot's mailbox ({@link Mailbox}), so notes about those mails can go too;
 *   <li>one transaction removes the guardian and everything of theirs (see {@link
 *       FamilyDataRepository#erase}), also teacher notices that quote their words or name them;
 *   <li>{@link Database#compact()}: the freed pages and the WAL are rewritten, so the bytes are gone
 *       from the file and not only from the queries;
 *   <li>each teacher of each class with one of their children is told privately, without content
 *       ("a parent of Sam asked to be forgotten"), and each class gets an audit row with the
 *       guardian's former id only.
 * </ol>
 *
 * The children, the other parent and everything of theirs stay. Nothing is sent to the family
 * afterwards: a message would put their address back in the outbox.
 */
public final class ForgetMe {
    private static final Logger LOG = LoggerFactory.getLogger(ForgetMe.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shorter words or names are not looked for in other rows: "Jo" would match too much. */
    private static final int SHORTEST_TRACE = 5;

    /** Who asked: the family themselves, or a teacher of the class on their behalf. */
    public sealed interface Actor {
        /** The family, on Discord or by verified email: the audit names no person. */
        record Family() implements Actor {}

        /** A teacher of the class, for a request made on paper or by phone. */
        record Teacher(long userId) implements Actor {}
    }

    /** What will be erased, for the confirmation: counts and the children's first names. */
    public record Preview(List<String> children, int answers, int agreements, int messages, boolean email) {}

    /**
     * What was erased.
     *
     * @param mailsRemoved  mails from their address removed from the bot's mailbox
     * @param mailboxFailed the mailbox could not be reached: their mails go after {@code mail.imap.keep-days}
     */
    public record Erased(List<String> children, int mailsRemoved, boolean mailboxFailed) {}

    private final Database database;
    private final FamilyDataRepository family;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final ClassTeacherRepository teachers;
    private final TeacherDm teacherDm;
    private final AuditLog auditLog;
    private final Mailbox mailbox;
    private final Clock clock;

    public ForgetMe(
            Database database,
            FamilyDataRepository family,
            StudentRepository students,
            SchoolClassRepository classes,
            ClassTeacherRepository teachers,
            TeacherDm teacherDm,
            AuditLog auditLog,
            Mailbox mailbox,
            Clock clock) {
        this.database = database;
        this.family = family;
        this.students = students;
        this.classes = classes;
        this.teachers = teachers;
        this.teacherDm = teacherDm;
        this.auditLog = auditLog;
        this.mailbox = mailbox;
        this.clock = clock;
    }

    /** What {@link #erase} would remove now. */
    public Preview preview(Guardian guardian) {
        int answers = 0;
        for (FamilyDataRepository.Asked asked : family.asked(guardian.id())) {
            answers += database.read(
                    sql -> (int) sql.count("SELECT COUNT(*) AS n FROM answer WHERE request_id = ?", asked.requestId()));
        }
        int messages = database.read(
                sql -> (int) sql.count("SELECT COUNT(*) AS n FROM delivery WHERE guardian_id = ?", guardian.id()));
        return new Preview(
                students.childrenOf(guardian.id()).stream().map(Student::name).toList(),
                answers,
                family.confirmations(guardian.id()).size(),
                messages,
                guardian.email().isPresent());
    }

    /** Erases {@code guardian} for good; see the class comment for what and in which order. */
    public Erased erase(Guardian guardian, Actor actor) {
        List<Student> children = students.childrenOf(guardian.id());
        Map<Long, List<String>> byClass = new LinkedHashMap<>();
        for (Student child : children) {
            byClass.computeIfAbsent(child.classId(), id -> new ArrayList<>()).add(child.name());
        }
        List<String> traces = traces(guardian);
        List<String> refs = List.of();
        boolean mailboxFailed = false;
        if (guardian.email().isPresent()) {
            try {
                refs = mailbox.eraseFrom(guardian.email().get());
            } catch (Mailbox.MailboxException e) {
                mailboxFailed = true;
                LOG.warn(
                        "Erasing guardian {}: their mails could not be removed from the mailbox ({}); they go after"
                                + " mail.imap.keep-days",
                        guardian.id(),
                        e.getClass().getSimpleName());
            }
        }
        FamilyDataRepository.Erased erased =
                family.erase(guardian.id(), guardian.discordUserId(), refs, traces, theirTexts(guardian, refs, traces));
        database.compact();
        Instant now = clock.instant();
        database.inTransaction(() -> byClass.forEach((classId, names) -> classes.find(classId)
                .ifPresent(schoolClass -> tellAndRecord(schoolClass, names, guardian.id(), actor, now))));
        LOG.info(
                "Guardian {} erased: {} deliveries, {} notices, {} audit rows scrubbed, {} mails, {} translations",
                guardian.id(),
                erased.deliveries(),
                erased.notices(),
                erased.auditRowsScrubbed(),
                refs.size(),
                erased.translations());
        return new Erased(children.stream().map(Student::name).toList(), refs.size(), mailboxFailed);
    }

    private void tellAndRecord(SchoolClass schoolClass, List<String> names, long guardianId, Actor actor, Instant now) {
        Set<Long> told = new LinkedHashSet<>();
        told.add(schoolClass.teacherUserId());
        teachers.ofClass(schoolClass.id()).stream().map(ClassTeacher::userId).forEach(told::add);
        for (long teacher : told) {
            teacherDm.tell(
                    teacher,
                    schoolClass,
                    "forgetme.teacher-notice",
                    Map.of("student", String.join(", ", names)),
                    DedupeKeys.forgetMeNotice(schoolClass.id(), teacher, now));
        }
        boolean byTeacher = actor instanceof Actor.Teacher;
        auditLog.record(new AuditEntry(
                now,
                actor instanceof Actor.Teacher teacher ? teacher.userId() : 0L,
                Optional.of(schoolClass.id()),
                byTeacher ? "privacy-request:erasure" : "family:forget-me",
                "guardian=" + guardianId));
    }

    /**
     * What the guardian wrote, whose machine translations (issue 15) go with them: their answers and
     * agreement words, and what the notices that go quote (their mails' words, as quoted and as
     * rendered for the teacher).
     */
    private Set<String> theirTexts(Guardian guardian, List<String> refs, List<String> traces) {
        Set<String> texts = new LinkedHashSet<>(family.ownWords(guardian.id()));
        for (String payload : family.noticesToErase(refs, traces)) {
            try {
                texts.addAll(TeacherNotices.parse(payload).values().values());
            } catch (IllegalArgumentException e) {
                // Not a notice's payload: it holds nothing that was translated.
            }
        }
        return texts;
    }

    /** What of the guardian may sit in other rows: address, Discord name and id, their own words. */
    private List<String> traces(Guardian guardian) {
        Set<String> found = new LinkedHashSet<>();
        guardian.email().ifPresent(found::add);
        guardian.discordUserId().map(String::valueOf).ifPresent(found::add);
        family.discordName(guardian.id()).ifPresent(found::add);
        found.addAll(family.ownWords(guardian.id()));
        List<String> traces = new ArrayList<>();
        for (String trace : found) {
            String stripped = trace.strip();
            if (stripped.length() < SHORTEST_TRACE) {
                continue;
            }
            traces.add(stripped);
            String escaped = jsonEscaped(stripped);
            if (!escaped.equals(stripped)) {
                traces.add(escaped); // as it stands inside a JSON payload
            }
        }
        return traces;
    }

    private static String jsonEscaped(String value) {
        try {
            String quoted = JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            return value;
        }
    }
}
