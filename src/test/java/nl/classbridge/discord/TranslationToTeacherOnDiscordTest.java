package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.DiscordView;
import nl.classbridge.testing.TestTranslator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, towards the teacher, end to end: the real ClassBridge with the real JDA client against
 * the local Discord server, a real SQLite file and the deterministic test translator.
 */
@Timeout(90)
class TranslationToTeacherOnDiscordTest {
    private static final String POLISH = "Pomogła koledze z klasy";

    @TempDir
    Path folder;

    SchoolOnDiscord school;
    final TestTranslator translator = new TestTranslator();

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.translator = Optional.of(translator);
        school.restart();
    }

    @AfterEach
    void stop() {
        school.close();
    }

    @Test
    @DisplayName("GIVEN a Polish mother who answered in Polish WHEN the teacher asks /checkin results THEN privately"
            + " the Dutch machine translation with its label and the Polish original beside it, and only her words"
            + " went to the translator; WHEN the translator is down THEN the original with the 'not available' line")
    void polishAnswerTranslated() {
        assertThat(school.teacher("class setup", Map.of("name", "Groep 5"))).contains("Groep 5");
        school.teacher("student add", Map.of("name", "Zofia"));
        LocalUser mum = school.joined("mama.zofia", "Zofia");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        school.awaitGreeting(mum, "Zofia");
        school.discord.sendDirectMessage(mum, "Hallo!");
        awaitDm(mum, "Vraag 1 van 4");
        school.discord.sendDirectMessage(mum, "4");
        awaitDm(mum, "Vraag 2 van 4");
        school.discord.sendDirectMessage(mum, POLISH);
        awaitDm(mum, "Vraag 3 van 4");
        school.discord.sendDirectMessage(mum, "Nic szczególnego");
        awaitDm(mum, "Vraag 4 van 4");
        school.discord.sendDirectMessage(mum, "nee");
        awaitDm(mum, POLISH);
        // She chose Polish as her language (/preferences); the class speaks Dutch.
        school.inStore(db ->
                db.write(sql -> sql.update("UPDATE guardian SET language = 'pl' WHERE discord_user_id = ?", mum.id())));

        translator.failWith("http-503");
        String unavailable = results();
        assertThat(unavailable)
                .contains(POLISH + "\n(Een vertaling was niet beschikbaar; dit is de oorspronkelijke tekst.)")
                .contains("(in het Pools)")
                .doesNotContain("automatische vertaling");

        translator.failWith(null);
        String translated = results();
        assertThat(translated)
                .contains("→ " + TestTranslator.translated(POLISH, Language.NL)
                        + "\n(automatische vertaling; oorspronkelijk: " + POLISH + ")")
                .doesNotContain("niet beschikbaar");
        assertThat(translator.sent()).contains(POLISH).noneMatch(text -> text.contains("Zofia"));
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> !m.ephemeral())
                .noneMatch(m -> m.content().contains(POLISH));
    }

    /** /checkin results as the teacher sees it: deferred (a translator may be slow), then privately. */
    private String results() {
        Interaction interaction =
                school.discord.slashCommand(school.teacher, school.groep5, "checkin results", Map.of());
        assertThat(interaction.awaitResponse().type()).isEqualTo(InteractionResponse.DEFERRED_REPLY);
        PostedMessage reply = school.discord.awaitValue(
                "the results after the deferral",
                () -> interaction.followUps().stream().findFirst());
        assertThat(reply.ephemeral()).isTrue();
        return DiscordView.visible(reply.content());
    }

    private PostedMessage awaitDm(LocalUser user, String containing) {
        return school.discord.awaitValue(
                "a DM containing " + containing,
                () -> school.discord.directMessagesTo(user).stream()
                        .filter(m -> m.content().contains(containing))
                        .reduce((a, b) -> b));
    }
}
