package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one path out, end to end (the rule is written down in the {@code delivery} package): every new
 * DM the bot writes is the response to that person's own interaction or a row of the outbox, also in
 * the middle of a conversation. Checked where it shows, at the local Discord server: every message the
 * bot made in a DM either carries an interaction or the nonce of an outbox row.
 */
@Timeout(90)
class OnePathOutTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5"));
        for (String child : List.of("Sam", "Mila", "Noor")) {
            school.teacher("student add", Map.of("name", child));
        }
    }

    @AfterEach
    void stop() {
        school.close();
    }

    /** The latest message the bot wrote to {@code person} that contains {@code text}. */
    private PostedMessage botSaid(LocalUser person, String text) {
        return school.discord.awaitValue(
                "the bot saying '" + text + "' to " + person.username(),
                () -> school.discord.directMessagesTo(person).stream()
                        .filter(m -> m.authorId() == school.discord.bot().id()
                                && m.content().contains(text))
                        .reduce((first, second) -> second));
    }

    @Test
    @DisplayName("GIVEN a parent of two children who answers by typing, a mistyped answer, Done, a parent with"
            + " nothing open and people who are no parent WHEN they write to the bot THEN every DM the bot writes"
            + " is an outbox row or the response to their own interaction")
    void everyDirectMessageIsAnOutboxRowOrAnInteractionResponse() {
        LocalUser twoChildren = school.joined("papa.sam.mila", "Sam");
        String code = school.inviteCode("Mila");
        school.command(twoChildren, school.discord.directChannel(twoChildren), "join", Map.of("code", code));
        LocalUser nothingOpenYet = school.joined("oma.noor", "Noor");
        LocalUser stranger = school.parent("vreemde");

        // Before any round: a parent with nothing open, a stranger and the teacher write to the bot.
        school.discord.sendDirectMessage(nothingOpenYet, "Hoi juf!");
        botSaid(nothingOpenYet, "Er staan nu geen vragen voor je klaar");
        school.discord.sendDirectMessage(stranger, "hallo?");
        botSaid(stranger, "Je bent nu niet aangemeld");
        school.discord.sendDirectMessage(school.teacher, "test");
        botSaid(school.teacher, "Je bent nu niet aangemeld");

        // A round: the parent of two answers the first child's questions by typing.
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        PostedMessage greeting = school.discord.awaitValue(
                "the first greeting",
                () -> school.discord.directMessagesTo(twoChildren).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
        String second = greeting.content().contains("Sam") ? "Mila" : "Sam";
        school.discord.sendDirectMessage(twoChildren, "Hallo!");
        botSaid(twoChildren, "Vraag 1 van 4");
        school.discord.sendDirectMessage(twoChildren, "misschien");
        botSaid(twoChildren, "Ik begrijp je antwoord niet goed");
        school.discord.sendDirectMessage(twoChildren, "4");
        botSaid(twoChildren, "Vraag 2 van 4");
        school.discord.sendDirectMessage(twoChildren, "Speelt graag buiten");
        botSaid(twoChildren, "Vraag 3 van 4");
        school.discord.sendDirectMessage(twoChildren, "Niets bijzonders");
        botSaid(twoChildren, "Vraag 4 van 4");
        school.discord.sendDirectMessage(twoChildren, "nee");
        PostedMessage summary = botSaid(twoChildren, "Speelt graag buiten");
        assertThat(summary.customIds()).anyMatch(id -> id.startsWith("ci:done:"));

        // Done by button, twice: the second child's greeting follows once, in the conversation.
        school.press(twoChildren, summary, "ci:done:");
        PostedMessage next = school.awaitGreeting(twoChildren, second);
        school.discord
                .pressButton(twoChildren, summary, SchoolOnDiscord.idStartingWith(summary, "ci:done:"))
                .awaitResponse();
        school.press(twoChildren, next, "ci:start:");

        assertThat(school.directMessagesOutsideTheOutbox(twoChildren, nothingOpenYet, stranger, school.teacher))
                .isEmpty();
        long nextGreetings = school.inStore(db ->
                db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-next-greeting'")));
        assertThat(nextGreetings)
                .as("the next child is greeted once, however often Done is pressed")
                .isEqualTo(1);
        List<String> kinds = school.inStore(db -> db.read(sql -> sql.list(
                "SELECT DISTINCT kind FROM delivery WHERE channel = 'discord-dm' ORDER BY kind",
                row -> row.string("kind"))));
        assertThat(kinds)
                .as("the conversation's DMs went through the outbox")
                .contains("checkin-greeting", "checkin-next-greeting", "checkin-step", "checkin-answer");
    }
}
