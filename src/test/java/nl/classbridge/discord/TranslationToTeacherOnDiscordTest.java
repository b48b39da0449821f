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

    @Test
    @DisplayName("GIVEN a Polish father who sees an agreement differently, in Polish WHEN the teacher asks /agreement"
            + " list THEN privately his words machine-translated with the label and his original beside them")
    void polishAgreementWordsTranslated() {
        String words = "Wolimy czytać w sobotę rano";
        assertThat(school.teacher("class setup", Map.of("name", "Groep 5"))).contains("Groep 5");
        school.teacher("student add", Map.of("name", "Zofia"));
        LocalUser dad = school.joined("tata.zofii", "Zofia");
        school.inStore(db ->
                db.write(sql -> sql.update("UPDATE guardian SET language = 'pl' WHERE discord_user_id = ?", dad.id())));
        school.teacher(
                "agreement add",
                Map.of(
                        "student", "Zofia",
                        "text", "Zofia leest elke avond",
                        "owner", "parents",
                        "align-again",
                                java.time.LocalDate.now(school.clock)
                                        .plusDays(3)
                                        .toString()));
        PostedMessage asked = school.discord.awaitValue(
                "the agreement in his DMs",
                () -> school.discord.directMessagesTo(dad).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ag:diff:")))
                        .findFirst());
        InteractionResponse form = school.discord
                .pressButton(dad, asked, SchoolOnDiscord.idStartingWith(asked, "ag:diff:"))
                .awaitResponse();
        school.updated(
                dad,
                asked,
                school.discord.submitModal(
                        dad, asked, form.data().get("custom_id").asText(), Map.of("words", words)));

        String list = deferred("agreement list", Map.of("student", "Zofia"));

        assertThat(list)
                .contains(TestTranslator.translated(words, Language.NL) + "\n(automatische vertaling; oorspronkelijk: "
                        + words + ")");
        assertThat(translator.sent()).contains(words);
    }

    /** /checkin results as the teacher sees it. */
    private String results() {
        return deferred("checkin results", Map.of());
    }

    /** A teacher's command answered after a deferral (a translator may be slow), privately: what it shows. */
    private String deferred(String command, Map<String, ?> options) {
        Interaction interaction = school.discord.slashCommand(school.teacher, school.groep5, command, options);
        assertThat(interaction.awaitResponse().type()).isEqualTo(InteractionResponse.DEFERRED_REPLY);
        PostedMessage reply = school.discord.awaitValue(
                "the reply after the deferral",
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
