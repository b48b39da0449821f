package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's family side end to end with the real JDA client: {@code /my-data} gives a parent their own
 * data and nobody else's, {@code /forget-me} erases after their own press of the button (forged presses
 * change nothing), and {@code /privacy request} lets the class's teacher do both on a family's behalf.
 */
@Timeout(180)
class PrivacyOnDiscordTest {
    private static final String DAD_WORDS = "Zwemdiploma ZZDADWORDS gehaald";

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    LocalUser dad;
    LocalUser mum;
    LocalUser noorsMum;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Noor"));
        dad = school.joined("papa.sam", "Sam");
        mum = school.joined("mama.sam", "Sam");
        noorsMum = school.joined("mama.noor", "Noor");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(dad, DAD_WORDS);
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
    }

    @Test
    @DisplayName("GIVEN a father who answered about Sam WHEN he, Sam's mother, Noor's mother and a member who is no"
            + " parent use /my-data THEN he gets his words in two private files; the others' files hold nothing of"
            + " his, and the member is told nothing is stored")
    void myData() {
        InteractionResponse his = school.discord
                .slashCommand(dad, school.discord.directChannel(dad), "my-data", Map.of())
                .awaitResponse();
        assertThat(his.ephemeral()).isTrue();
        assertThat(DiscordView.visible(his.content())).contains("twee bestanden");
        List<AttachedFile> files = school.discord.attachments(his.data());
        assertThat(files).extracting(AttachedFile::filename).containsExactly("my-data.md", "my-data.json");
        assertThat(files.get(0).text()).contains("ZZDADWORDS", "Sam", "Groep 5");
        assertThat(files.get(1).text()).contains("ZZDADWORDS", "\"discordName\" : \"papa.sam\"");

        for (LocalUser other : List.of(mum, noorsMum)) {
            InteractionResponse theirs = school.discord
                    .slashCommand(other, school.groep5, "my-data", Map.of())
                    .awaitResponse();
            assertThat(theirs.ephemeral()).isTrue();
            List<AttachedFile> own = school.discord.attachments(theirs.data());
            assertThat(own).hasSize(2);
            assertThat(own.get(0).text() + own.get(1).text())
                    .contains(other.username())
                    .doesNotContain("ZZDADWORDS")
                    .doesNotContain("papa.sam")
                    .doesNotContain(String.valueOf(dad.id()));
        }
        InteractionResponse nobody = school.discord
                .slashCommand(school.bystander, school.groep5, "my-data", Map.of())
                .awaitResponse();
        assertThat(DiscordView.visible(nobody.content())).contains("bewaart niets over jou");
        assertThat(school.discord.attachments(nobody.data())).isEmpty();
    }

    @Test
    @DisplayName("GIVEN the father WHEN he cancels /forget-me, then presses forged buttons (another person's press, a"
            + " made-up code) THEN nothing is erased; WHEN he presses Erase everything THEN he is gone from the"
            + " database file and its WAL, Sam and his mother stay, and the teacher is told without content")
    void forgetMe() throws Exception {
        PostedMessage first = askToForget(dad);
        InteractionResponse cancelled = school.discord
                .pressButton(dad, first, SchoolOnDiscord.idStartingWith(first, "fm:cancel:"))
                .awaitResponse();
        assertThat(cancelled.type()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(DiscordView.visible(cancelled.content())).contains("niets gewist");

        PostedMessage question = askToForget(dad);
        String erase = SchoolOnDiscord.idStartingWith(question, "fm:erase:");
        InteractionResponse notHis =
                school.discord.pressButton(mum, forged(question, erase), erase).awaitResponse();
        assertThat(DiscordView.visible(notHis.content())).contains("niet voor jou");
        String madeUp = erase.replaceAll(":[A-Z2-9-]+$", ":AAAAA-BBBBB");
        InteractionResponse wrongCode = school.discord
                .pressButton(dad, forged(question, madeUp), madeUp)
                .awaitResponse();
        assertThat(DiscordView.visible(wrongCode.content())).contains("werkt niet meer");
        assertThat(guardiansWithDiscordId(dad)).isEqualTo(1);

        InteractionResponse erased =
                school.discord.pressButton(dad, question, erase).awaitResponse();

        assertThat(erased.type()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(DiscordView.visible(erased.content())).contains("Klaar", "niets meer van ClassBridge");
        assertThat(guardiansWithDiscordId(dad)).isZero();
        assertThat(guardiansWithDiscordId(mum)).isEqualTo(1);
        long sams =
                school.inStore(db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM student WHERE name = 'Sam'")));
        assertThat(sams).isEqualTo(1);
        school.discord.await(
                "the teacher to hear that a parent of Sam asked to be forgotten",
                Duration.ofSeconds(30),
                () -> school.discord.directMessagesTo(school.teacher).stream()
                        .anyMatch(m -> m.content().contains("Een ouder van Sam heeft gevraagd om vergeten te worden")));
        assertThat(school.discord.directMessagesTo(school.teacher))
                .extracting(PostedMessage::content)
                .noneMatch(content -> content.contains("papa.sam") || content.contains("ZZDADWORDS"));
        assertThat(school.teacher("guardian list", Map.of()))
                .doesNotContain("papa.sam")
                .contains("mama.sam");
        school.close();
        school = null;
        assertGoneFromTheFiles(List.of("papa.sam", String.valueOf(dad.id()), "ZZDADWORDS"), dad.id());
    }

    @Test
    @DisplayName("GIVEN a father's request on paper WHEN the teacher runs /privacy request access and erasure THEN she"
            + " gets his two files privately (the field suggests the class's parents), then erases him after her"
            + " press; a member without the role, an"
            + " unknown name and another teacher's press change nothing; both are in the audit log")
    void privacyRequest() {
        InteractionResponse suggested = school.discord
                .autocomplete(
                        school.teacher,
                        school.groep5,
                        "privacy request",
                        Map.of("guardian", "sam", "kind", "access"),
                        "guardian")
                .awaitResponse();
        assertThat(suggested.data().get("choices").findValuesAsText("value")).containsExactly("mama.sam", "papa.sam");
        InteractionResponse forStranger = school.discord
                .autocomplete(
                        school.bystander,
                        school.groep5,
                        "privacy request",
                        Map.of("guardian", "sam", "kind", "access"),
                        "guardian")
                .awaitResponse();
        assertThat(forStranger.data().get("choices")).isEmpty();

        InteractionResponse access = school.discord
                .slashCommand(
                        school.teacher,
                        school.groep5,
                        "privacy request",
                        Map.of("guardian", "Papa.Sam", "kind", "access"))
                .awaitResponse();
        assertThat(access.ephemeral()).isTrue();
        assertThat(DiscordView.visible(access.content())).contains("papa.sam", "twee bestanden");
        List<AttachedFile> files = school.discord.attachments(access.data());
        assertThat(files).hasSize(2);
        assertThat(files.get(0).text()).contains("ZZDADWORDS");

        String refused = school.command(
                school.bystander, school.groep5, "privacy request", Map.of("guardian", "papa.sam", "kind", "access"));
        assertThat(DiscordView.visible(refused)).contains("alleen de leerkracht");
        String unknown = school.teacher("privacy request", Map.of("guardian", "opa.sam", "kind", "access"));
        assertThat(DiscordView.visible(unknown)).contains("Ik vind geen ouder");

        school.discord
                .slashCommand(
                        school.teacher,
                        school.groep5,
                        "privacy request",
                        Map.of("guardian", "papa.sam", "kind", "erasure"))
                .awaitResponse();
        PostedMessage confirm = school.discord.awaitValue(
                "the confirm button",
                () -> school.discord.messagesIn(school.groep5).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("pr:erase:")))
                        .findFirst());
        String erase = SchoolOnDiscord.idStartingWith(confirm, "pr:erase:");
        InteractionResponse byBystander = school.discord
                .pressButton(school.bystander, forged(confirm, erase), erase)
                .awaitResponse();
        assertThat(DiscordView.visible(byBystander.content())).contains("alleen de leerkracht");
        assertThat(guardiansWithDiscordId(dad)).isEqualTo(1);

        InteractionResponse done =
                school.discord.pressButton(school.teacher, confirm, erase).awaitResponse();

        assertThat(DiscordView.visible(done.content())).contains("Klaar", "namens hen");
        assertThat(guardiansWithDiscordId(dad)).isZero();
        assertThat(guardiansWithDiscordId(mum)).isEqualTo(1);
        List<String> audit = school.inStore(db -> db.read(sql -> sql.list(
                "SELECT action || ' by ' || actor_user_id AS line FROM audit_log WHERE action LIKE 'privacy-request:%'"
                        + " ORDER BY id",
                row -> row.string("line"))));
        assertThat(audit)
                .containsExactly(
                        "privacy-request:access by " + school.teacher.id(),
                        "privacy-request:erasure by " + school.teacher.id());
    }

    private PostedMessage askToForget(LocalUser parent) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        school.discord.directMessagesTo(parent).forEach(message -> seen.add(message.id()));
        InteractionResponse reply = school.discord
                .slashCommand(parent, school.discord.directChannel(parent), "forget-me", Map.of())
                .awaitResponse();
        assertThat(reply.ephemeral()).isTrue();
        assertThat(DiscordView.visible(reply.content())).contains("voorgoed gewist", "Sam");
        return school.discord.awaitValue(
                "the /forget-me question with its buttons",
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> !seen.contains(m.id()))
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("fm:erase:")))
                        .findFirst());
    }

    /** The same message with one button whose id is {@code customId}: what a hand-made interaction sends. */
    private static PostedMessage forged(PostedMessage message, String customId) {
        ObjectNode button = JsonNodeFactory.instance
                .objectNode()
                .put("type", 2)
                .put("style", 4)
                .put("label", "x")
                .put("custom_id", customId);
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("type", 1);
        row.putArray("components").add(button);
        return new PostedMessage(
                message.id(),
                message.channelId(),
                message.authorId(),
                message.content(),
                JsonNodeFactory.instance.arrayNode().add(row),
                message.embeds(),
                message.flags(),
                message.allowedMentions(),
                message.nonce(),
                message.edited(),
                message.deleted(),
                message.json());
    }

    private long guardiansWithDiscordId(LocalUser user) {
        return school.inStore(db ->
                db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM guardian WHERE discord_user_id = ?", user.id())));
    }

    /** The raw bytes of the database file and its WAL, after the bot stopped. */
    private void assertGoneFromTheFiles(List<String> texts, long discordId) throws Exception {
        Path db = folder.resolve("classbridge.db");
        for (Path file : List.of(db, db.resolveSibling("classbridge.db-wal"))) {
            if (!Files.exists(file)) {
                continue;
            }
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String text : texts) {
                assertThat(bytes)
                        .as(file.getFileName() + " holds " + text)
                        .doesNotContain(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
            String id = new String(ByteBuffer.allocate(8).putLong(discordId).array(), StandardCharsets.ISO_8859_1);
            assertThat(bytes.contains(id))
                    .as(file.getFileName() + " holds the Discord id as an integer")
                    .isFalse();
        }
    }

    /** The parent answers the check-in about Sam: the scale, {@code wentWell} in the form, the rest skipped. */
    private void answerCheckIn(LocalUser parent, String wentWell) {
        PostedMessage greeting = school.awaitGreeting(parent, "Sam");
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        String scale = SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":4");
        step = school.updated(parent, step, school.discord.pressButton(parent, step, scale));
        step = school.answerInForm(parent, step, wentWell);
        PostedMessage talk = school.press(parent, step, "ci:skip:");
        PostedMessage summary = school.press(parent, talk, "ci:skip:");
        school.press(parent, summary, "ci:done:");
    }
}
