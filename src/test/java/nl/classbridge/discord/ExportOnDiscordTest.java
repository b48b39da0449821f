package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.DiscordView;
import nl.classbridge.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's first slice, end to end with the real JDA client: {@code /export} gives the class's
 * teacher a private CSV file with the family's words, refuses whoever is not the class's teacher,
 * posts nothing in the class channel and logs nothing of the answers.
 */
@Timeout(120)
class ExportOnDiscordTest {
    private static final String WORDS = "=Zwemdiploma ZZWORDS gehaald, \"heel\" trots";

    @TempDir
    Path folder;

    LogCapture logs;
    SchoolOnDiscord school;
    /** A colleague with the teacher role and a class of his own in the same server. */
    LocalUser tom;

    LocalChannel groep6;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        school = new SchoolOnDiscord(folder, s -> {
            tom = s.discord.addUser("meester.tom");
            s.guild.addMember(tom, s.teacherRole);
            groep6 = s.guild.addTextChannel("groep-6");
        });
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Noor"));
        school.command(tom, groep6, "class setup", Map.of("name", "Groep 6"));
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
        logs.close();
    }

    @Test
    @DisplayName("GIVEN a father who answered the check-in about Sam on Discord WHEN the teacher asks /export THEN a"
            + " private reply with export-groep-5.csv that starts with the BOM and holds his words, neutralised and"
            + " quoted; nothing in the channel and nothing of the answers in the log")
    void classFile() {
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad, 4, WORDS);

        InteractionResponse reply = export(school.teacher, school.groep5, Map.of());

        assertThat(reply.ephemeral()).isTrue();
        assertThat(DiscordView.visible(reply.content()))
                .contains("De antwoorden van de klas: 4 rijen")
                .contains("persoonsgegevens");
        List<AttachedFile> files = school.discord.attachments(reply.data());
        assertThat(files).extracting(AttachedFile::filename).containsExactly("export-groep-5.csv");
        byte[] bytes = files.get(0).content();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("Ronde gestart,Vragenlijst,Versie,Kind,Ouder,Vraag,Antwoord,Overgeslagen")
                .contains("\"'=Zwemdiploma ZZWORDS gehaald, \"\"heel\"\" trots\"")
                .contains(",Sam,papa.sam,")
                .contains(",overgeslagen,");
        assertNothingInTheChannel("ZZWORDS");
        school.close();
        school = null;
        assertThat(logs.lines()).as("the log was captured").isNotEmpty();
        assertThat(logs.linesWith(List.of("ZZWORDS")))
                .as("log lines with the family's words")
                .isEmpty();
    }

    @Test
    @DisplayName("GIVEN answers about Sam WHEN the teacher asks /export for Noor, for Sam and for a name not in the"
            + " class THEN Noor's file has only the header, Sam's holds his father's words, the unknown name is"
            + " answered privately without a file")
    void oneChild() {
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad, 4, WORDS);

        InteractionResponse noor = export(school.teacher, school.groep5, Map.of("student", "Noor"));
        InteractionResponse sam = export(school.teacher, school.groep5, Map.of("student", "sam"));
        InteractionResponse nobody = export(school.teacher, school.groep5, Map.of("student", "Daan"));

        assertThat(DiscordView.visible(noor.content())).contains("De antwoorden over Noor: 0 rijen");
        assertThat(school.discord.attachments(noor.data()).get(0).text()).doesNotContain("ZZWORDS");
        List<AttachedFile> samFiles = school.discord.attachments(sam.data());
        assertThat(samFiles).extracting(AttachedFile::filename).containsExactly("export-groep-5-sam.csv");
        assertThat(samFiles.get(0).text()).contains("ZZWORDS");
        assertThat(nobody.ephemeral()).isTrue();
        assertThat(DiscordView.visible(nobody.content())).contains("Ik ken geen kind met de naam");
        assertThat(school.discord.attachments(nobody.data())).isEmpty();
    }

    @Test
    @DisplayName("GIVEN answers in Groep 5 WHEN a member without the teacher role and the teacher of Groep 6 ask"
            + " /export THEN both are refused without a file, and Groep 6's own export holds nothing of Groep 5")
    void refused() {
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad, 2, WORDS);

        InteractionResponse bystander = export(school.bystander, school.groep5, Map.of());
        InteractionResponse colleague = export(tom, school.groep5, Map.of());
        InteractionResponse ownClass = export(tom, groep6, Map.of());

        assertThat(DiscordView.visible(bystander.content())).contains("alleen de leerkracht");
        assertThat(school.discord.attachments(bystander.data())).isEmpty();
        assertThat(DiscordView.visible(colleague.content())).contains("hoort bij een andere leerkracht");
        assertThat(school.discord.attachments(colleague.data())).isEmpty();
        assertThat(DiscordView.visible(ownClass.content())).contains("0 rijen");
        assertThat(school.discord.attachments(ownClass.data()).get(0).text())
                .doesNotContain("ZZWORDS")
                .doesNotContain("Sam");
        assertNothingInTheChannel("ZZWORDS");
    }

    private InteractionResponse export(LocalUser user, LocalChannel channel, Map<String, String> options) {
        return school.discord.slashCommand(user, channel, "export", options).awaitResponse();
    }

    /** The local server keeps ephemeral replies in the channel's list; what everyone sees holds none of these. */
    private void assertNothingInTheChannel(String... words) {
        for (LocalChannel channel : List.of(school.groep5, groep6)) {
            for (PostedMessage message : school.discord.messagesIn(channel)) {
                if (!message.ephemeral()) {
                    assertThat(message.content()).doesNotContain(words);
                    assertThat(school.discord.attachments(message.json())).isEmpty();
                }
            }
        }
    }

    /** The parent answers the check-in about Sam: the scale with {@code point}, {@code wentWell} in the form, the rest skipped. */
    private void answerCheckIn(LocalUser parent, int point, String wentWell) {
        PostedMessage greeting = school.discord.awaitValue(
                "the check-in greeting about Sam",
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.content().contains("Sam")
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        String scale = SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":" + point);
        step = school.updated(parent, step, school.discord.pressButton(parent, step, scale));
        step = school.answerInForm(parent, step, wentWell);
        PostedMessage talk = school.press(parent, step, "ci:skip:");
        PostedMessage summary = school.press(parent, talk, "ci:skip:");
        school.press(parent, summary, "ci:done:");
    }
}
