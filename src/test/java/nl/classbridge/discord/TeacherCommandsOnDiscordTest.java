package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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

/** Teacher commands beyond the check-in flow, and the outbox on real Discord traffic. */
@Timeout(90)
class TeacherCommandsOnDiscordTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.teacher("class setup", Map.of("name", "Groep 5"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    private LocalUser joined(String name, String student) {
        school.teacher("student add", Map.of("name", student));
        LocalUser parent = school.parent(name);
        school.command(
                parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode(student)));
        return parent;
    }

    private List<PostedMessage> greetings(LocalUser parent) {
        return school.discord.directMessagesTo(parent).stream()
                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                .toList();
    }

    @Test
    @DisplayName(
            "teacher commands are registered in the school's server with Dutch names, /join, /preferences, /my-data and /forget-me globally;"
                    + " autocomplete suggests children and questionnaires")
    void registrationAndAutocomplete() {
        JsonNode global = school.discord.globalCommands();
        assertThat(StreamSupport.stream(global.spliterator(), false)
                        .map(c -> c.get("name").asText()))
                .containsExactlyInAnyOrder("join", "preferences", "my-data", "forget-me");
        JsonNode commands = school.discord.guildCommands(school.guild);
        List<String> names = StreamSupport.stream(commands.spliterator(), false)
                .map(c -> c.get("name").asText())
                .toList();
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "class",
                        "student",
                        "invite",
                        "guardian",
                        "checkin",
                        "update",
                        "conversation",
                        "agreement",
                        "prep",
                        "export",
                        "privacy");
        JsonNode klas = StreamSupport.stream(commands.spliterator(), false)
                .filter(c -> c.get("name").asText().equals("class"))
                .findFirst()
                .orElseThrow();
        assertThat(klas.get("name_localizations").get("nl").asText()).isEqualTo("klas");
        assertThat(klas.get("default_member_permissions").asText()).isEqualTo("32");

        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Samira"));
        school.teacher("student add", Map.of("name", "Noor"));
        InteractionResponse students = school.discord
                .autocomplete(school.teacher, school.groep5, "invite", Map.of("student", "sam"), "student")
                .awaitResponse();
        assertThat(students.type()).isEqualTo(InteractionResponse.AUTOCOMPLETE);
        assertThat(students.data().get("choices").findValuesAsText("name")).containsExactlyInAnyOrder("Sam", "Samira");

        InteractionResponse questionnaires = school.discord
                .autocomplete(
                        school.teacher, school.groep5, "checkin start", Map.of("questionnaire", "in"), "questionnaire")
                .awaitResponse();
        assertThat(questionnaires.data().get("choices").findValuesAsText("value"))
                .containsExactly("check-in");

        InteractionResponse forStranger = school.discord
                .autocomplete(school.bystander, school.groep5, "invite", Map.of("student", "sam"), "student")
                .awaitResponse();
        assertThat(forStranger.data().get("choices")).isEmpty();
    }

    @Test
    @DisplayName(
            "a parent without Discord is added by email, listed with the address for the teacher only, and removed")
    void guardiansByEmail() {
        school.teacher("student add", Map.of("name", "Mila"));
        assertThat(school.teacher("guardian add-email", Map.of("student", "Mila", "email", "not-an-address")))
                .contains("geen geldig");
        assertThat(school.teacher(
                        "guardian add-email",
                        Map.of("student", "Mila", "email", "mama.mila@example.org", "language", "tr")))
                .contains("Mila");
        var listed = school.discord.slashCommand(school.teacher, school.groep5, "guardian list", Map.of());
        String list = listed.awaitResponse().content();
        assertThat(DiscordView.visible(list)).contains("Mila", "E-mail", "mama.mila@example.org", "aangemeld op");
        assertThat(listed.awaitResponse().ephemeral()).isTrue();
        String number = list.replaceAll("(?s).*#(\\d+).*", "$1");
        assertThat(school.teacher("guardian remove", Map.of("student", "Mila", "guardian", Long.parseLong(number))))
                .contains("verwijderd");
        assertThat(school.teacher("guardian list", Map.of())).doesNotContain("#" + number);
    }

    @Test
    @DisplayName("a check-in to a dozen families is paced, honours a 429, reaches everyone once; one reminder only")
    void pacedFanOutAndReminder() throws Exception {
        school.extraEnvironment.put("CLASSBRIDGE_DISCORD_DM_PER_SECOND", "5");
        school.restart();
        List<LocalUser> parents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parents.add(joined("ouder" + i, "Kind" + (char) ('A' + i)));
        }
        school.discord.rateLimit("POST", "channels/{channel_id}/messages", 2, Duration.ofSeconds(1));
        Instant started = Instant.now();
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        for (LocalUser parent : parents) {
            school.discord.await(
                    "a greeting for " + parent,
                    Duration.ofSeconds(30),
                    () -> !greetings(parent).isEmpty());
        }
        Duration took = Duration.between(started, Instant.now());
        assertThat(parents).allSatisfy(parent -> assertThat(greetings(parent)).hasSize(1));
        assertThat(took)
                .as("12 DMs at 5 per second take at least 11 intervals of 200 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2000));
        long refused = school.discord.restCalls().stream()
                .filter(call -> call.status() == 429)
                .count();
        assertThat(refused).isEqualTo(2);

        assertThat(school.teacher("checkin remind", Map.of())).contains("12");
        for (LocalUser parent : parents) {
            school.discord.await(
                    "a reminder for " + parent,
                    Duration.ofSeconds(30),
                    () -> greetings(parent).size() == 2);
        }
        assertThat(school.teacher("checkin remind", Map.of())).contains("niemand");
    }

    @Test
    @DisplayName(
            "highlights: added with a kind, listed with buttons, removed and changed; a non-teacher's press is refused")
    void highlights() {
        assertThat(school.teacher("update add", Map.of("text", "We oefenden de tafel van 7", "kind", "learning")))
                .contains("Wat we leerden");
        assertThat(school.teacher("update add", Map.of("text", "**Iedereen** hielp @everyone", "kind", "together")))
                .contains("samen");
        assertThat(school.teacher("update add", Map.of("text", "x".repeat(501))))
                .contains("500");

        var list = school.discord.slashCommand(school.teacher, school.groep5, "update list", Map.of());
        String content = list.awaitResponse().content();
        assertThat(content).contains("tafel van 7", "\\*\\*Iedereen\\*\\*");
        PostedMessage listed = list.awaitOriginal();
        List<String> ids = listed.customIds();
        assertThat(ids).hasSize(4).allMatch(id -> id.startsWith("up:"));

        var stranger = school.discord.pressButton(school.bystander, listed, ids.get(0));
        assertThat(stranger.awaitResponse().content()).contains("alleen de leerkracht");

        String removeFirst =
                ids.stream().filter(id -> id.startsWith("up:rm:")).findFirst().orElseThrow();
        assertThat(school.discord
                        .pressButton(school.teacher, listed, removeFirst)
                        .awaitResponse()
                        .content())
                .contains("Weggehaald");
        String editSecond = ids.stream()
                .filter(id -> id.startsWith("up:ed:"))
                .reduce((a, b) -> b)
                .orElseThrow();
        InteractionResponse form =
                school.discord.pressButton(school.teacher, listed, editSecond).awaitResponse();
        assertThat(form.type()).isEqualTo(InteractionResponse.MODAL);
        assertThat(school.discord
                        .submitModal(
                                school.teacher,
                                listed,
                                form.data().get("custom_id").asText(),
                                Map.of("text", "Iedereen hielp mee opruimen"))
                        .awaitResponse()
                        .content())
                .contains("Aangepast");

        String after = school.teacher("update list", Map.of());
        assertThat(after).contains("Iedereen hielp mee opruimen").doesNotContain("tafel van 7");
        assertThat(school.discord
                        .pressButton(school.teacher, listed, removeFirst)
                        .awaitResponse()
                        .content())
                .contains("niet meer klaar");
    }

    @Test
    @DisplayName("the update rhythm is set and paused with clear answers to bad input; the preview shows the post")
    void scheduleAndPreview() {
        assertThat(school.teacher("update pause", Map.of("until", "2030-01-05")))
                .contains("/update schedule");
        assertThat(school.teacher("update schedule", Map.of("day", "FRIDAY", "time", "3pm")))
                .contains("time", "15:00");
        assertThat(school.teacher("update schedule", Map.of("day", "FRIDAY", "time", "15:00", "every", 2)))
                .contains("vrijdag", "15:00", "2");
        assertThat(school.teacher("update pause", Map.of("until", "2001-01-01")))
                .contains("voorbij");
        assertThat(school.teacher("update pause", Map.of("until", "2030-01-05", "reason", "kerstvakantie")))
                .contains("2030");

        assertThat(school.teacher("update preview", Map.of())).contains("nog niets klaar");
        school.teacher("update add", Map.of("text", "We bouwden een *brug* van papier", "kind", "learning"));
        String preview = school.teacher("update preview", Map.of());
        assertThat(preview).contains("Groep 5", "Wat we leerden", "\\*brug\\*", "juf.anna");
        assertThat(school.teacher("update preview", Map.of("language", "en"))).contains("What we learned");
    }
}
