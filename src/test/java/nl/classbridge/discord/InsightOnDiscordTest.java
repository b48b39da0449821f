package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * Issue 12's "reading what families share", end to end: two check-in rounds answered on Discord
 * with the real JDA client, and the teacher's private view of the second.
 */
@Timeout(90)
class InsightOnDiscordTest {
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

    @Test
    @DisplayName("GIVEN two check-in rounds in which Sam's well-being dropped from 5 to 3 and Mila's is now 2"
            + " WHEN the teacher asks /checkin results THEN privately, the class average against last time and"
            + " both children worth a conversation, and nothing of it in the class channel")
    void droppedAndLow() {
        assertThat(school.teacher("class setup", Map.of("name", "Groep 5"))).contains("Groep 5");
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Mila"));
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        LocalUser milasMum = school.joined("mama.mila", "Mila");

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        long samsFirst = answer(samsDad, "Sam", -1, 5);
        long milasFirst = answer(milasMum, "Mila", -1, 3);
        school.clock.jump(Duration.ofDays(8));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answer(samsDad, "Sam", samsFirst, 3);
        answer(milasMum, "Mila", milasFirst, 2);

        InteractionResponse reply = school.discord
                .slashCommand(school.teacher, school.groep5, "checkin results", Map.of())
                .awaitResponse();

        assertThat(reply.ephemeral()).isTrue();
        String seen = DiscordView.visible(reply.content());
        assertThat(seen)
                .contains("Gemiddeld 2,5 van 5 (vorige keer 4,0)")
                .contains("Misschien fijn om even te spreken")
                .contains("Mila: nu 🙁 Niet zo goed")
                .contains("Sam: nu 😐 Gaat wel, vorige keer 😄 Heel goed")
                .contains("Vorige keer: 😄 Heel goed");
        assertThat(seen.indexOf("In het kort")).isLessThan(seen.indexOf("Misschien fijn"));
        // The local server keeps ephemeral replies in the channel's list; only the rest is seen by all.
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> !m.ephemeral())
                .noneMatch(m ->
                        m.content().contains("Misschien fijn") || m.content().contains("Gemiddeld"));
    }

    /**
     * The parent answers the check-in greeting about {@code child} other than {@code before}: the
     * scale with {@code point}, one thing that went well, the optional questions skipped. Returns the
     * greeting's id.
     */
    private long answer(LocalUser parent, String child, long before, int point) {
        PostedMessage greeting = school.discord.awaitValue(
                "a new check-in greeting about " + child,
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.id() != before
                                && m.content().contains(child)
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        String scale = SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":" + point);
        step = school.updated(parent, step, school.discord.pressButton(parent, step, scale));
        step = school.answerInForm(parent, step, "Fijne week gehad");
        PostedMessage summary = school.press(parent, school.press(parent, step, "ci:skip:"), "ci:skip:");
        school.press(parent, summary, "ci:done:");
        return greeting.id();
    }
}
