package nl.classbridge.mail.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.ReplyToken;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.SchoolClassRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.translation.ForTheTeacher;
import nl.classbridge.updates.TeacherMessages;

/**
 * Private notes to the teacher about mail the bot received but did not use as answers: unverified
 * mail (with its words, marked as such), mail from a family that answers no questionnaire, a mail
 * too large to read, a mail that could not be read. Texts in {@code messages/<lang>/mailbox.yml}.
 *
 * <p>A note goes to the teacher of each class the mail concerns: the class of the child its token
 * is about, else of the children of the family it claims to come from. A mail that concerns no
 * class (a stranger's, spam) reaches nobody: it is only logged by its UID. Each note is keyed by
 * the mail's place in the mailbox, so it is sent once.
 */
final class MailboxNotes {
    /** The most of a mail's words a note quotes: enough to act on, within one Discord message. */
    static final int MOST_WORDS = 1200;

    private final TeacherMessages teacher;
    private final StudentRepository students;
    private final SchoolClassRepository classes;
    private final CheckinRepository checkins;
    private final ForTheTeacher forTheTeacher;

    MailboxNotes(
            TeacherMessages teacher,
            StudentRepository students,
            SchoolClassRepository classes,
            CheckinRepository checkins,
            ForTheTeacher forTheTeacher) {
        this.teacher = teacher;
        this.students = students;
        this.classes = classes;
        this.checkins = checkins;
        this.forTheTeacher = forTheTeacher;
    }

    /** Whom a mail concerns: a class and the children in it, by first name. */
    record Concerned(SchoolClass schoolClass, List<String> children) {}

    /** The classes a mail concerns: its token's child, else the children of the family it names. */
    List<Concerned> concerned(Optional<ReplyToken> token, Optional<Guardian> guardian) {
        Optional<Student> child = token.flatMap(ReplyToken::requestId)
                .flatMap(checkins::findRequest)
                .map(CheckinRequest::studentId)
                .flatMap(students::find);
        List<Student> children = child.map(List::of)
                .orElseGet(() -> token.map(ReplyToken::guardianId)
                        .or(() -> guardian.map(Guardian::id))
                        .map(students::childrenOf)
                        .orElse(List.of()));
        Map<Long, List<String>> byClass = new LinkedHashMap<>();
        for (Student each : children) {
            byClass.computeIfAbsent(each.classId(), id -> new ArrayList<>()).add(each.name());
        }
        List<Concerned> concerned = new ArrayList<>();
        byClass.forEach((classId, names) ->
                classes.find(classId).ifPresent(schoolClass -> concerned.add(new Concerned(schoolClass, names))));
        return concerned;
    }

    /** A mail not used as answers; {@code kind} is the last part of its key, e.g. {@code other-sender}. */
    void unverified(String ref, String kind, List<Concerned> concerned, String words) {
        tell(ref, "mailbox.unverified." + kind, concerned, Map.of("words", quoted(words)));
    }

    /**
     * A verified family's mail not used as answers (the round closed, the child no longer theirs):
     * their words, in the class's language too when they wrote in {@code theirs}, their chosen
     * language (issue 15).
     */
    void unverified(String ref, String kind, List<Concerned> concerned, String words, Optional<Language> theirs) {
        tellTheirWords(ref, "mailbox.unverified." + kind, concerned, words, theirs);
    }

    /** A verified family's mail that answers no questionnaire: their words, for the teacher. */
    void familyWrote(String ref, List<Concerned> concerned, String words, Optional<Language> theirs) {
        tellTheirWords(ref, "mailbox.family-wrote", concerned, words, theirs);
    }

    /**
     * A note with a family's words for each class, as its teacher reads them: translated with the
     * label and the original, or as written. A translated note also keeps the quoted original as
     * {@code original} (not shown): an erasure finds the cached translation by it.
     */
    private void tellTheirWords(
            String ref, String key, List<Concerned> concerned, String words, Optional<Language> theirs) {
        String quoted = quoted(words);
        for (Concerned each : concerned) {
            // A family that chose no language writes in the class's, as everywhere else.
            Language written = theirs.orElse(each.schoolClass().language());
            ForTheTeacher.Composed composed =
                    forTheTeacher.of(quoted, written, each.schoolClass().language());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("words", composed.text().words());
            if (composed.translated()) {
                values.put("original", quoted);
            }
            tell(ref, key, List.of(each), values);
        }
    }

    /** A verified family's mail in which no words could be read. */
    void noWords(String ref, List<Concerned> concerned) {
        tell(ref, "mailbox.no-words", concerned, Map.of());
    }

    void tooLarge(String ref, List<Concerned> concerned, long bytes) {
        tell(ref, "mailbox.too-large", concerned, Map.of("size", megabytes(bytes)));
    }

    void quarantined(String ref, List<Concerned> concerned) {
        tell(ref, "mailbox.quarantined", concerned, Map.of());
    }

    private void tell(String ref, String key, List<Concerned> concerned, Map<String, String> values) {
        for (Concerned each : concerned) {
            Map<String, String> all = new LinkedHashMap<>(values);
            all.put("student", String.join(", ", each.children()));
            teacher.tell(
                    each.schoolClass(),
                    key,
                    all,
                    DedupeKeys.mailboxNote(ref, key, each.schoolClass().id()));
        }
    }

    /** The mail's words, at most {@link #MOST_WORDS} characters; "…" where they were cut. */
    static String quoted(String words) {
        String clean = words.strip();
        if (clean.isEmpty()) {
            return "…";
        }
        if (clean.length() <= MOST_WORDS) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(MOST_WORDS - 1)) ? MOST_WORDS - 1 : MOST_WORDS;
        return clean.substring(0, end).strip() + " …";
    }

    /** "2.4 MB": the size in the units a teacher knows. */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
