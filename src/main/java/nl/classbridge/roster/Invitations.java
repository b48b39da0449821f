package nl.classbridge.roster;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.CommandTexts;
import nl.classbridge.messages.Dates;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;

/**
 * Inviting a family (issue 17, "the invite in the family's language"): the teacher makes a code for
 * a child and gets the text to pass on, in a language they choose, or else in the class language
 * followed by one short line in each other language. The text names {@code /join} as the family's
 * Discord shows it, from {@code messages/commands.yml}. The Discord command and the sandbox page
 * (which runs that command) both come here.
 */
public final class Invitations {
    private final Enrolment enrolment;
    private final ClassRoster roster;
    private final Messages messages;
    private final CommandTexts commands;
    private final String schoolName;

    public Invitations(
            Enrolment enrolment, ClassRoster roster, Messages messages, CommandTexts commands, String schoolName) {
        this.enrolment = enrolment;
        this.roster = roster;
        this.messages = messages;
        this.commands = commands;
        this.schoolName = schoolName;
    }

    /** What the teacher gets back. */
    public sealed interface Result permits Issued, UnknownStudent, LanguageInvalid {}

    /**
     * A new code: the teacher's own note (class language) and the text to pass on.
     *
     * @param forParent the whole text in the chosen language, or in the class language; then
     *     {@code otherLanguages} holds one short line in each other language, each its own text
     *     (an Arabic line is right-to-left inside a left-to-right text)
     */
    public record Issued(Enrolment.IssuedInvite invite, Text forTeacher, Text forParent, List<Text> otherLanguages)
            implements Result {
        public Issued {
            otherLanguages = List.copyOf(otherLanguages);
        }
    }

    public record UnknownStudent() implements Result {}

    /** A language value that is none of ours (Discord's choices normally prevent it). */
    public record LanguageInvalid() implements Result {}

    /**
     * Makes a code for a guardian of the child called {@code studentName} in {@code schoolClass}, with
     * the text in {@code languageCode} if given (remembered with the code: the family starts in it).
     */
    public Result invite(
            SchoolClass schoolClass, String studentName, long teacherUserId, Optional<String> languageCode) {
        Optional<Language> chosen = languageCode.flatMap(Language::fromCode);
        if (languageCode.isPresent() && chosen.isEmpty()) {
            return new LanguageInvalid();
        }
        Optional<Student> student = roster.findStudent(schoolClass, studentName);
        if (student.isEmpty()) {
            return new UnknownStudent();
        }
        Enrolment.IssuedInvite invite = enrolment.invite(student.get(), teacherUserId, chosen);
        Text forTeacher = messages.text(
                "teacher.invite.created",
                inOrder(schoolClass.language()),
                Map.of(
                        "student",
                        student.get().name(),
                        "code",
                        invite.code(),
                        "expires",
                        lastDayShown(invite, schoolClass, schoolClass.language())));
        Language main = chosen.orElse(schoolClass.language());
        List<Text> others = new ArrayList<>();
        if (chosen.isEmpty()) {
            for (Language other : Language.values()) {
                if (other != main) {
                    others.add(line(invite, other));
                }
            }
        }
        return new Issued(invite, forTeacher, text(invite, schoolClass, main, chosen.isPresent()), others);
    }

    /** The text to pass on, in {@code language}; with the line on the language the bot will write in if it was chosen. */
    Text text(Enrolment.IssuedInvite invite, SchoolClass schoolClass, Language language, boolean chosen) {
        Map<String, String> values = new HashMap<>(joining(invite, language));
        values.put("child", invite.student().name());
        values.put("class", schoolClass.name());
        values.put("school", schoolName);
        values.put("expires", lastDayShown(invite, schoolClass, language));
        Text text = messages.text("invite.text", inOrder(language), values);
        if (!chosen) {
            return text;
        }
        Text note = messages.text(
                "invite.language-chosen", inOrder(language), Map.of("preferences", preferences(language)));
        List<Text.Block> blocks = new ArrayList<>(text.blocks());
        blocks.addAll(note.blocks());
        return new Text(blocks, text.language());
    }

    /** One short line in {@code language}: how to join, and how to get the bot's messages in it. */
    Text line(Enrolment.IssuedInvite invite, Language language) {
        Map<String, String> values = new HashMap<>(joining(invite, language));
        values.put("preferences", preferences(language));
        return messages.text("invite.other-language", inOrder(language), values);
    }

    /** What every invite text says to join: the command as {@code language}'s Discord names it, its other name, the code. */
    private Map<String, String> joining(Enrolment.IssuedInvite invite, Language language) {
        return Map.of("command", join(language), "othercommand", otherJoin(language), "code", invite.code());
    }

    /**
     * The last day on which the code works the whole day, in the class's time zone: the day before
     * the one it stops working on, so "until and including" that day is true wherever in it the code
     * was made.
     */
    private static String lastDayShown(Enrolment.IssuedInvite invite, SchoolClass schoolClass, Language language) {
        ZoneId zone = schoolClass.timezone();
        return Dates.dayAndMonth(lastDay(invite.expiresAt(), zone), zone, language);
    }

    static Instant lastDay(Instant expiresAt, ZoneId zone) {
        return expiresAt
                .atZone(zone)
                .toLocalDate()
                .minusDays(1)
                .atStartOfDay(zone)
                .toInstant();
    }

    /** {@code /join} as a Discord app in {@code language} shows it: its own name, or the English one. */
    String join(Language language) {
        return "/" + asShown("join", language);
    }

    /**
     * The other name a reader of {@code language} may meet: the English one where their language has
     * a name of its own (their Discord may be in English); otherwise (English, and Arabic, which
     * Discord does not offer) the Dutch one, as families at a Dutch school often have a Dutch Discord.
     */
    String otherJoin(Language language) {
        CommandTexts.Localized name = commands.get("join").name();
        boolean ownName = !asShown("join", language).equals(name.en());
        return "/" + (ownName ? name.en() : name.nl());
    }

    private String preferences(Language language) {
        return "/" + asShown("preferences", language);
    }

    private String asShown(String command, Language language) {
        CommandTexts.Localized name = commands.get(command).name();
        return name.in(language).orElse(name.en());
    }

    /** The text in {@code language} first; a language without it falls back along the usual chain. */
    private List<Language> inOrder(Language language) {
        return messages.chain(Optional.of(language), Optional.empty());
    }
}
