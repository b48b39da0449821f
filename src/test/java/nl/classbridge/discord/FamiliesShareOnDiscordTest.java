package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Issue 12's "reading what families share", end to end with the real JDA client: a family asks to
 * talk (the check-in's contact question), writes in their own language, and the teacher
 * reads an earlier round by choosing it.
 */
@Timeout(90)
class FamiliesShareOnDiscordTest {
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
    @DisplayName("GIVEN a Turkish-speaking family who says yes to talking in the second round WHEN the teacher"
            + " reads her DMs and /checkin results, then the first round chosen by its suggestion THEN she was told"
            + " privately that the family would like to talk, the child is on the list for that reason, their own"
            + " words are marked (in het Turks), and the first round shows its own answers")
    void familyAsksToTalkAndEarlierRound() {
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        LocalUser samsMum = school.joined("anne.sam", "Sam");
        school.inStore(db -> db.write(
                sql -> sql.update("UPDATE guardian SET language = 'tr' WHERE discord_user_id = ?", samsMum.id())));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        long first = answer(samsMum, "Sam", -1, 4, "Ilk hafta iyiydi", false);
        assertThat(teacherDms()).noneMatch(m -> m.contains("wil graag met je praten"));
        school.clock.jump(Duration.ofDays(8));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answer(samsMum, "Sam", first, 4, "Yüzmeyi öğrendi", true);

        String notice = school.discord.awaitValue(
                "the teacher's notice",
                () -> teacherDms().stream()
                        .filter(m -> m.contains("wil graag met je praten"))
                        .findFirst());
        assertThat(notice).contains("Het gezin van Sam").doesNotContain("Yüzmeyi");
        InteractionResponse latest = school.discord
                .slashCommand(school.teacher, school.groep5, "checkin results", Map.of())
                .awaitResponse();
        assertThat(latest.ephemeral()).isTrue();
        assertThat(DiscordView.visible(latest.content()))
                .contains("Misschien fijn om even te spreken")
                .contains("Sam: het gezin wil graag met je praten")
                .contains("Yüzmeyi öğrendi (in het Turks)");

        InteractionResponse suggested = school.discord
                .autocomplete(school.teacher, school.groep5, "checkin results", Map.of("round", ""), "round")
                .awaitResponse();
        var names = suggested.data().path("choices").findValuesAsText("name");
        var values = suggested.data().path("choices").findValuesAsText("value");
        assertThat(names).hasSize(2).allMatch(name -> name.startsWith("Hoe gaat het met je kind? · "));
        InteractionResponse earlier = school.discord
                .slashCommand(school.teacher, school.groep5, "checkin results", Map.of("round", values.get(1)))
                .awaitResponse();
        assertThat(earlier.ephemeral()).isTrue();
        assertThat(DiscordView.visible(earlier.content()))
                .contains("Ilk hafta iyiydi (in het Turks)")
                .doesNotContain("Yüzmeyi")
                .doesNotContain("wil graag met je praten");
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> !m.ephemeral())
                .noneMatch(m -> m.content().contains("Yüzmeyi") || m.content().contains("Ilk hafta"));
    }

    private List<String> teacherDms() {
        return school.discord.directMessagesTo(school.teacher).stream()
                .map(PostedMessage::content)
                .map(DiscordView::visible)
                .toList();
    }

    /**
     * The parent answers the check-in greeting about {@code child} other than {@code before}: the
     * scale with {@code point}, {@code words} for what went well, the optional question skipped, and
     * "yes" to talking with the teacher or a skip. Returns the greeting's id.
     */
    private long answer(LocalUser parent, String child, long before, int point, String words, boolean talk) {
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
        step = school.answerInForm(parent, step, words);
        step = school.press(parent, step, "ci:skip:");
        PostedMessage summary = talk
                ? school.updated(
                        parent,
                        step,
                        school.discord.pressButton(
                                parent,
                                step,
                                SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":1")))
                : school.press(parent, step, "ci:skip:");
        school.press(parent, summary, "ci:done:");
        return greeting.id();
    }
}
