package nl.classbridge.discord;

import static nl.classbridge.discord.SchoolOnDiscord.idStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance, end to end: the real ClassBridge with the real JDA client against the
 * local Discord-compatible server, and a real SQLite file.
 */
@Timeout(90)
class CheckinOnDiscordTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
    }

    @AfterEach
    void stop() {
        school.close();
    }

    private void setUpClass(String... students) {
        assertThat(school.teacher("class setup", Map.of("name", "Groep 5"))).contains("Groep 5");
        for (String student : students) {
            assertThat(school.teacher("student add", Map.of("name", student))).contains(student);
        }
    }

    private LocalUser joined(String name, String student) {
        LocalUser parent = school.parent(name);
        String code = school.inviteCode(student);
        String reply = school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", code));
        assertThat(reply).contains(student);
        return parent;
    }

    /** The check-in greeting: the DM with a Start button. */
    private PostedMessage awaitGreeting(LocalUser user, String child) {
        return school.discord.awaitValue(
                "the check-in greeting about " + child,
                () -> school.discord.directMessagesTo(user).stream()
                        .filter(m -> m.content().contains(child)
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
    }

    private PostedMessage awaitDm(LocalUser user, String containing) {
        return school.discord.awaitValue(
                "a DM containing " + containing,
                () -> school.discord.directMessagesTo(user).stream()
                        .filter(m -> m.content().contains(containing))
                        .reduce((a, b) -> b));
    }

    /** Presses a button and returns the message once it is updated in place. */
    private PostedMessage press(LocalUser user, PostedMessage message, String customId) {
        return school.updated(user, message, school.discord.pressButton(user, message, customId));
    }

    @Test
    @DisplayName("a teacher sets up a class, three parents join and answer by buttons, modal and typing;"
            + " closed DMs are handed to email; status shows each; the bot restarts and resumes")
    void wholeCheckin() throws Exception {
        setUpClass("Sam", "Mila", "Noor", "Lotte");
        LocalUser byButtons = joined("papa.sam", "Sam");
        LocalUser byModal = joined("mama.mila", "Mila");
        LocalUser byTyping = joined("oma.noor", "Noor");
        LocalUser closedDms = joined("vader.lotte", "Lotte");
        school.discord.closeDirectMessages(closedDms);
        // This father gave an email address in the start-of-year conversation.
        school.inStore(db -> db.write(sql -> sql.update(
                "UPDATE guardian SET email = 'vader.lotte@example.org'" + " WHERE discord_user_id = ?",
                closedDms.id())));

        String notTeacher = school.command(school.bystander, school.groep5, "student add", Map.of("name", "Kim"));
        assertThat(notTeacher).contains("alleen de leerkracht");

        String started = school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        assertThat(started).contains("4");

        // By buttons: Start, a scale point, the Answer modal for the text, Skip, Done.
        PostedMessage greeting = awaitGreeting(byButtons, "Sam");
        PostedMessage question = press(byButtons, greeting, idStartingWith(greeting, "ci:start:"));
        assertThat(question.content()).contains("Vraag 1 van 4");
        question =
                press(byButtons, question, idStartingWith(question, "ci:ans:").replaceAll(":\\d+$", ":4"));
        assertThat(question.content()).contains("Vraag 2 van 4");
        Interaction open = school.discord.pressButton(byButtons, question, idStartingWith(question, "ci:open:"));
        InteractionResponse modal = open.awaitResponse();
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        question = school.updated(
                byButtons,
                question,
                school.discord.submitModal(
                        byButtons,
                        question,
                        modal.data().get("custom_id").asText(),
                        Map.of("answer", "Hij heeft een nieuwe vriend")));
        assertThat(question.content()).contains("Vraag 3 van 4");
        question = press(byButtons, question, idStartingWith(question, "ci:skip:"));
        assertThat(question.content()).contains("Vraag 4 van 4");
        PostedMessage summary = press(byButtons, question, idStartingWith(question, "ci:skip:"));
        assertThat(summary.content()).contains("Hij heeft een nieuwe vriend", "(overgeslagen)");
        PostedMessage thanks = press(byButtons, summary, idStartingWith(summary, "ci:done:"));
        assertThat(thanks.customIds()).isEmpty();

        // By modal, then the bot is restarted mid-conversation and the same buttons still work.
        PostedMessage milaGreeting = awaitGreeting(byModal, "Mila");
        PostedMessage milaQuestion = press(byModal, milaGreeting, idStartingWith(milaGreeting, "ci:start:"));
        school.restart();
        milaQuestion = press(
                byModal, milaQuestion, idStartingWith(milaQuestion, "ci:ans:").replaceAll(":\\d+$", ":5"));
        Interaction milaOpen =
                school.discord.pressButton(byModal, milaQuestion, idStartingWith(milaQuestion, "ci:open:"));
        String modalId = milaOpen.awaitResponse().data().get("custom_id").asText();
        milaQuestion = school.updated(
                byModal,
                milaQuestion,
                school.discord.submitModal(byModal, milaQuestion, modalId, Map.of("answer", "Ze leest veel")));
        Interaction optional =
                school.discord.pressButton(byModal, milaQuestion, idStartingWith(milaQuestion, "ci:open:"));
        milaQuestion = school.updated(
                byModal,
                milaQuestion,
                school.discord.submitModal(
                        byModal,
                        milaQuestion,
                        optional.awaitResponse().data().get("custom_id").asText(),
                        Map.of("answer", "Niets bijzonders")));
        PostedMessage milaSummary = press(byModal, milaQuestion, idStartingWith(milaQuestion, "ci:skip:"));
        assertThat(milaSummary.content()).contains("Ze leest veel", "Niets bijzonders");

        // By typing in the DM.
        awaitGreeting(byTyping, "Noor");
        school.discord.sendDirectMessage(byTyping, "Hallo!");
        awaitDm(byTyping, "Vraag 1 van 4");
        school.discord.sendDirectMessage(byTyping, "4");
        awaitDm(byTyping, "Vraag 2 van 4");
        school.discord.sendDirectMessage(byTyping, "Ze hielp een klasgenoot");
        awaitDm(byTyping, "Vraag 3 van 4");
        school.discord.sendDirectMessage(byTyping, "Nee hoor, alles goed");
        awaitDm(byTyping, "Vraag 4 van 4");
        school.discord.sendDirectMessage(byTyping, "nee");
        awaitDm(byTyping, "Ze hielp een klasgenoot");

        // Closed DMs: marked unreachable, the questionnaire handed to email (queued until SMTP is
        // built), the teacher told by DM, never tried on Discord again.
        school.discord.await(
                "the closed-DM parent to be marked unreachable",
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM guardian WHERE discord_status = 'unreachable'")))
                        == 1);
        List<String> handedOff = school.inStore(db -> db.read(sql -> sql.list(
                "SELECT last_error FROM delivery WHERE kind = 'checkin-greeting' AND status = 'handed-off'",
                row -> row.string("last_error"))));
        assertThat(handedOff).containsExactly("dm-closed");
        long emails = school.inStore(db -> db.read(sql -> sql.count(
                "SELECT COUNT(*) AS n FROM delivery WHERE channel = 'email' AND kind = 'checkin-questionnaire'")));
        assertThat(emails).as("the hand-off is recorded as a queued email").isEqualTo(1);
        assertThat(school.discord.directMessagesTo(closedDms))
                .noneMatch(m -> !m.customIds().isEmpty());
        awaitDm(school.teacher, "Lotte");
        long greetingAttempts = school.discord.restCalls().stream()
                .filter(call ->
                        call.method().equals("POST") && call.route().contains("messages") && call.status() == 403)
                .count();
        assertThat(greetingAttempts).isEqualTo(1);

        String status = school.teacher("checkin status", Map.of());
        assertThat(status)
                .contains("3 van 4")
                .containsPattern("Lotte\\*\\* #\\d+ · E-mail: Nog geen antwoord")
                .containsPattern("Sam\\*\\* #\\d+ · Discord: Beantwoord");
        assertThat(school.discord.messagesIn(school.groep5))
                .noneMatch(m -> m.content().contains("nieuwe vriend"));
        String results = school.teacher("checkin results", Map.of());
        assertThat(results).contains("Hij heeft een nieuwe vriend", "Ze leest veel", "Ze hielp een klasgenoot");
        assertThat(school.command(school.bystander, school.groep5, "checkin results", Map.of()))
                .doesNotContain("nieuwe vriend");

        // The gateway connection drops; JDA resumes and commands keep working.
        school.discord.dropGatewayConnection();
        assertThat(school.teacher("class info", Map.of())).contains("Groep 5");
    }

    @Test
    @DisplayName("bad input gets a clear answer: unknown student, wrong code, sixth try, long option, closed round")
    void badInput() {
        setUpClass("Sam");
        assertThat(school.teacher("invite", Map.of("student", "Samuel"))).contains("Samuel");
        assertThat(school.teacher("class setup", Map.of("name", "x".repeat(6000))))
                .contains("name");
        assertThat(school.teacher("student add", Map.of("name", "Sam Jansen 2018-03-12")))
                .contains("voornaam");

        LocalUser guesser = school.parent("raden");
        var dm = school.discord.directChannel(guesser);
        for (int i = 0; i < 5; i++) {
            assertThat(school.command(guesser, dm, "join", Map.of("code", "ABCDE-FGHJ" + "KMNPQ".charAt(i))))
                    .contains("ken deze code niet");
        }
        String real = school.inviteCode("Sam");
        assertThat(school.command(guesser, dm, "join", Map.of("code", real))).contains("minuten");

        LocalUser parent = joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in", "deadline-days", 1));
        PostedMessage greeting = awaitGreeting(parent, "Sam");
        school.clock.jump(Duration.ofDays(2));
        Interaction late = school.discord.pressButton(parent, greeting, idStartingWith(greeting, "ci:start:"));
        assertThat(late.awaitResponse().ephemeral()).isTrue();
        assertThat(late.awaitResponse().content()).contains("gesloten");
        assertThat(school.latest(parent, greeting).content()).isEqualTo(greeting.content());

        LocalUser stranger = school.parent("vreemde");
        Interaction notYours = school.discord.pressButton(stranger, greeting, idStartingWith(greeting, "ci:start:"));
        assertThat(notYours.awaitResponse().ephemeral()).isTrue();
        assertThat(school.teacher("checkin start", Map.of("questionnaire", "weekly")))
                .contains("weekly");
    }

    @Test
    @DisplayName("GIVEN a parent of two children WHEN they press Done for the first THEN the second child's check-in"
            + " arrives in the same conversation")
    void secondChildFollows() {
        setUpClass("Sam", "Mila");
        LocalUser parent = joined("papa.sam.mila", "Sam");
        String code = school.inviteCode("Mila");
        assertThat(school.command(parent, school.discord.directChannel(parent), "join", Map.of("code", code)))
                .contains("Mila");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage greeting = school.discord.awaitValue(
                "the first greeting",
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
        String first = greeting.content().contains("Sam") ? "Sam" : "Mila";
        String second = first.equals("Sam") ? "Mila" : "Sam";
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        step = school.press(parent, step, "ci:ans:");
        step = school.answerInForm(parent, step, "Goed");
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");
        assertThat(school.press(parent, summary, "ci:done:").customIds()).isEmpty();
        assertThat(school.awaitGreeting(parent, second).content()).contains(second);
    }
}
