package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.roster.ClassArchive;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.AuditLog;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's {@code /class archive}, end to end with the real JDA client and a real SQLite file: the
 * owner sees what will go, counted, and confirms with a button only they can use; then the class's
 * children, their answers, conversations, highlights and the parents left without a child are gone,
 * bytes included, while a parent with a child in a colleague's class keeps that link, and the class
 * itself stays for the next year.
 */
@Timeout(180)
class ClassArchiveOnDiscordTest {
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}");
    private static final String WORDS = "Sam ZZARCHIEF leest graag";

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    LocalUser tom;
    LocalChannel groep6;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder, s -> {
            tom = s.discord.addUser("meester.tom");
            s.guild.addMember(tom, s.teacherRole);
            groep6 = s.guild.addTextChannel("groep-6");
        });
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Noor"));
        school.command(tom, groep6, "class setup", Map.of("name", "Groep 6"));
        school.command(tom, groep6, "student add", Map.of("name", "Lotte"));
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
    }

    @Test
    @DisplayName("GIVEN Groep 5 with answers, a highlight and a mother who also has Lotte in Groep 6 WHEN a co-teacher"
            + " asks /class archive, someone else presses the owner's button, and the owner confirms THEN only the"
            + " owner's press removes Groep 5's families' data, counted; the mother keeps Lotte; the class stays")
    void archive() throws Exception {
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        LocalUser mother = school.joined("mama.noor", "Noor");
        String lotteCode = matched(school.command(tom, groep6, "invite", Map.of("student", "Lotte")));
        school.command(mother, school.discord.directChannel(mother), "join", Map.of("code", lotteCode));
        school.teacher("update add", Map.of("text", "We bouwden een brug ZZBRUG", "kind", "learning"));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad);
        school.teacher("class teacher add", Map.of("user", tom.idString()));

        InteractionResponse coTeacher = archiveCommand(tom);
        InteractionResponse asked = archiveCommand(school.teacher);

        assertThat(DiscordView.visible(coTeacher.content())).contains("Alleen de eigenaar");
        assertThat(asked.ephemeral()).isTrue();
        assertThat(DiscordView.visible(asked.content()))
                .contains("Groep 5 archiveren")
                .contains("2 kinderen")
                .contains("1 ouder zonder kind in een andere klas")
                .contains("1 hoogtepunt,")
                .doesNotContain("ZZARCHIEF");
        PostedMessage confirm = school.discord.awaitValue(
                "the confirmation with its button",
                () -> school.discord.messagesIn(school.groep5).stream()
                        .filter(m -> m.ephemeral() && m.customIds().stream().anyMatch(id -> id.startsWith("ka:")))
                        .findFirst());
        String button = SchoolOnDiscord.idStartingWith(confirm, "ka:");
        assertThat(school.discord
                        .pressButton(tom, confirm, button)
                        .awaitResponse()
                        .content())
                .as("another teacher pressing the owner's button")
                .contains("andere leerkracht of een andere klas");
        assertThat(students("Groep 5")).isEqualTo(2);

        InteractionResponse done =
                school.discord.pressButton(school.teacher, confirm, button).awaitResponse();

        assertThat(done.type()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(DiscordView.visible(done.content()))
                .contains("Groep 5 is gearchiveerd")
                .contains("2 kinderen");
        assertThat(students("Groep 5")).isZero();
        assertThat(students("Groep 6")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM guardian WHERE discord_user_id = ?", samsDad.id()))
                .as("Sam's father, who had no other child here")
                .isZero();
        assertThat(count("""
                        SELECT COUNT(*) AS n FROM guardian_student
                        JOIN guardian ON guardian.id = guardian_student.guardian_id
                        JOIN student ON student.id = guardian_student.student_id
                        WHERE guardian.discord_user_id = ? AND student.name = 'Lotte'""", mother.id()))
                .as("the mother keeps Lotte in Groep 6")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM answer")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM checkin_round")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM highlight")).isZero();
        assertThat(count("SELECT COUNT(*) AS n FROM school_class WHERE name = 'Groep 5'"))
                .as("the class stays")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM class_teacher"))
                .as("its teachers too")
                .isEqualTo(3);
        List<AuditEntry> audit = school.inStore(db -> new AuditLog(db).since(Instant.EPOCH)).stream()
                .filter(entry -> entry.action().equals(ClassArchive.AUDIT_ACTION))
                .toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actorUserId()).isEqualTo(school.teacher.id());
        assertThat(audit.get(0).detail()).startsWith("children=2 links=").contains("guardians=1");
        // Compacted: the words are gone from the file and its WAL, not only from the tables.
        for (String file : List.of("classbridge.db", "classbridge.db-wal")) {
            Path path = folder.resolve(file);
            if (Files.exists(path)) {
                assertThat(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1))
                        .as(file)
                        .doesNotContain("ZZARCHIEF")
                        .doesNotContain("ZZBRUG");
            }
        }
        // The class works for the next school year.
        assertThat(school.teacher("student add", Map.of("name", "Sam"))).contains("Sam");
    }

    private InteractionResponse archiveCommand(LocalUser user) {
        return school.discord
                .slashCommand(user, school.groep5, "class archive", Map.of())
                .awaitResponse();
    }

    private long students(String className) {
        return count(
                "SELECT COUNT(*) AS n FROM student JOIN school_class ON school_class.id = student.class_id"
                        + " WHERE school_class.name = ?",
                className);
    }

    private long count(String sql, Object... params) {
        return school.inStore(db -> db.read(statements -> statements.count(sql, params)));
    }

    private static String matched(String reply) {
        Matcher matcher = CODE.matcher(reply);
        assertThat(matcher.find()).as("an invite code in: " + reply).isTrue();
        return matcher.group();
    }

    /** The father answers the check-in about Sam: a point on the scale, his words in the form, the rest skipped. */
    private void answerCheckIn(LocalUser parent) {
        PostedMessage greeting = school.awaitGreeting(parent, "Sam");
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        String scale = SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":4");
        step = school.updated(parent, step, school.discord.pressButton(parent, step, scale));
        step = school.answerInForm(parent, step, WORDS);
        PostedMessage talk = school.press(parent, step, "ci:skip:");
        PostedMessage summary = school.press(parent, talk, "ci:skip:");
        school.press(parent, summary, "ci:done:");
    }
}
