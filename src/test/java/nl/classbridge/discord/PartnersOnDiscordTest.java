package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
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
 * Issue 12's "equal partners", end to end with the real JDA client: what the teacher needs from
 * parents in her own words, read by a family in the start-of-year questionnaire; what families
 * offered to do for the class; and that only the class's own teachers read either.
 */
@Timeout(90)
class PartnersOnDiscordTest {
    private static final String NOT_TEACHER = "alleen de leerkracht";
    private static final String NOT_YOUR_CLASS = "hoort bij een andere leerkracht";
    private static final String NEEDS = "Lees elke dag *tien* minuten voor, ook in je eigen taal.";

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
        school.command(tom, groep6, "class setup", Map.of("name", "Groep 6"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    @Test
    @DisplayName("GIVEN the teacher writes what she needs from parents WHEN a family answers the start-of-year"
            + " questionnaire on Discord and the teacher asks /class offers THEN the family read her words as written,"
            + " introduced in their language, and she privately reads their offer in their own words")
    void needsAndOffers() {
        assertThat(school.teacher("class needs", Map.of())).contains("nog geen eigen tekst");
        assertThat(school.teacher("class needs", Map.of("text", "x".repeat(1001))))
                .contains("1.001 tekens", "1.000 tekens");
        assertThat(DiscordView.visible(school.teacher("class needs", Map.of("text", NEEDS))))
                .contains("Bewaard", NEEDS);
        assertThat(DiscordView.visible(school.teacher("class needs", Map.of()))).contains(NEEDS, "clear");
        LocalUser samsDad = school.joined("papa.sam", "Sam");

        school.teacher("checkin start", Map.of("questionnaire", "start-of-year"));
        school.awaitGreeting(samsDad, "Sam");
        school.discord.sendDirectMessage(samsDad, "Hallo!");
        for (String typed : List.of("Hij leest graag", "Rust en een vriend", "Tips voor lezen", "reading")) {
            int before = school.discord.directMessagesTo(samsDad).size();
            school.discord.sendDirectMessage(samsDad, typed);
            school.discord.await(
                    "the next question after " + typed,
                    () -> school.discord.directMessagesTo(samsDad).size() > before);
        }
        school.discord.sendDirectMessage(samsDad, "Ik lees graag voor op dinsdag");
        PostedMessage withNeeds = school.discord.awaitValue(
                "the question after the teacher's words",
                () -> school.discord.directMessagesTo(samsDad).stream()
                        .filter(m -> m.content().contains("In de woorden van"))
                        .findFirst());
        assertThat(withNeeds.content()).contains("Lees elke dag \\*tien\\* minuten voor");
        assertThat(DiscordView.visible(withNeeds.content())).contains(NEEDS);

        InteractionResponse offers = school.discord
                .slashCommand(school.teacher, school.groep5, "class offers", Map.of())
                .awaitResponse();
        assertThat(offers.ephemeral()).isTrue();
        assertThat(DiscordView.visible(offers.content()))
                .contains("Wat gezinnen willen doen voor de klas")
                .contains("Lezen met kinderen")
                .contains("Sam")
                .contains("papa.sam")
                .contains("Ik lees graag voor op dinsdag");
        assertThat(school.discord.messagesIn(school.groep5))
                .filteredOn(m -> !m.ephemeral())
                .noneMatch(m ->
                        m.content().contains("Ik lees graag") || m.content().contains("Lees elke dag"));
    }

    @Test
    @DisplayName("GIVEN a class with the teacher's words and a round WHEN a member without the teacher role and the"
            + " teacher of another class use /class needs, /class offers and /checkin results round: THEN each is"
            + " refused, the other class's round is unknown in his own class, and the words stay as they were")
    void onlyTheClassesOwnTeachers() {
        school.teacher("class needs", Map.of("text", NEEDS));
        school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "start-of-year"));
        String round = school.discord
                .autocomplete(school.teacher, school.groep5, "checkin results", Map.of("round", ""), "round")
                .awaitResponse()
                .data()
                .path("choices")
                .findValuesAsText("value")
                .get(0);

        for (LocalUser stranger : List.of(school.bystander, tom)) {
            String refusal = stranger == tom ? NOT_YOUR_CLASS : NOT_TEACHER;
            assertThat(school.command(stranger, school.groep5, "class needs", Map.of()))
                    .contains(refusal)
                    .doesNotContain("Lees elke dag");
            assertThat(school.command(stranger, school.groep5, "class needs", Map.of("text", "Gehackt")))
                    .contains(refusal);
            assertThat(school.command(stranger, school.groep5, "class needs", Map.of("clear", true)))
                    .contains(refusal);
            assertThat(school.command(stranger, school.groep5, "class offers", Map.of()))
                    .contains(refusal);
            assertThat(school.command(stranger, school.groep5, "checkin results", Map.of("round", round)))
                    .contains(refusal);
            assertThat(school.discord
                            .autocomplete(stranger, school.groep5, "checkin results", Map.of("round", ""), "round")
                            .awaitResponse()
                            .data()
                            .path("choices"))
                    .isEmpty();
        }
        assertThat(school.command(tom, groep6, "checkin results", Map.of("round", round)))
                .contains("ken ik niet in deze klas");

        assertThat(DiscordView.visible(school.teacher("class needs", Map.of())))
                .contains(NEEDS)
                .doesNotContain("Gehackt");
    }
}
