package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement on the sandbox's page: the teacher's command form (built from the registered
 * commands), and a parent's buttons and form in their panel, through the page's own actions.
 */
@Timeout(120)
class SandboxAgreementTest {
    @TempDir
    Path folder;

    Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandboxes.start(folder.resolve("sandbox.db"), Map.of(), false);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("GIVEN the sandbox WHEN the teacher adds an agreement on the page and Elif's dad answers in his panel"
            + " THEN the form opens, his words are stored, and pressing 'That's right' changes his answer")
    void agreementOnThePage() throws Exception {
        // The page builds its forms from the commands the bot registered; under load that may take a moment.
        sandbox.discord()
                .await(
                        "/agreement to be registered",
                        () -> sandbox.discord()
                                .guildCommands(sandbox.school().guild())
                                .findValuesAsText("name")
                                .contains("agreement"));
        post(
                "/teacher/command",
                Map.of(
                        "command", "agreement add",
                        "option.student", "Elif",
                        "option.text", "Elif oefent de tafels met papa",
                        "option.owner", "parents"));
        // The page shows the teacher's reply as it comes; the local server has it at once.
        sandbox.discord()
                .await(
                        "the teacher's private reply",
                        () -> sandbox.discord().messagesIn(sandbox.school().channel()).stream()
                                .anyMatch(m -> m.ephemeral() && m.content().contains("opgeslagen")));

        LocalUser dad = sandbox.school().discordUser("dad.elif").orElseThrow();
        Guardian guardian =
                sandbox.bot().store().guardians().findByDiscordUser(dad.id()).orElseThrow();
        PostedMessage dm = sandbox.discord()
                .awaitValue(
                        "the agreement in Elif's dad's DMs",
                        () -> sandbox.discord().directMessagesTo(dad).stream()
                                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ag:ok:")))
                                .findFirst());
        assertThat(dm.content()).contains("Elif oefent de tafels met papa", "Is this right?");
        String differs = dm.customIds().stream()
                .filter(id -> id.startsWith("ag:diff:"))
                .findFirst()
                .orElseThrow();
        long agreementId = Long.parseLong(differs.substring("ag:diff:".length()));
        String actor = "/act/g" + guardian.id();

        String form = post(actor + "/press", Map.of("message", String.valueOf(dm.id()), "component", differs));
        assertThat(form).contains("ag:words:" + agreementId, "How do you see it?");
        post(
                actor + "/modal",
                Map.of(
                        "message",
                        String.valueOf(dm.id()),
                        "modal",
                        "ag:words:" + agreementId,
                        "input.words",
                        "Liever met oma, op woensdag"));
        assertThat(confirmation(agreementId, guardian.id())).isEqualTo(ConfirmationStatus.DIFFERS);

        post(actor + "/press", Map.of("message", String.valueOf(dm.id()), "component", "ag:ok:" + agreementId));
        assertThat(confirmation(agreementId, guardian.id())).isEqualTo(ConfirmationStatus.CONFIRMED);
    }

    private ConfirmationStatus confirmation(long agreementId, long guardianId) {
        return sandbox.bot()
                .store()
                .agreements()
                .confirmation(agreementId, guardianId)
                .orElseThrow()
                .status();
    }

    private String post(String path, Map<String, String> fields) throws Exception {
        return new PageClient(sandbox).post(path, fields);
    }
}
