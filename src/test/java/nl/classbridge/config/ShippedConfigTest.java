package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shipped config/classbridge.yml")
class ShippedConfigTest {

    // Maven runs the tests with the project root as working directory.
    private static final Path SHIPPED = Path.of("config", "classbridge.yml");

    @Test
    @DisplayName("loads with an empty environment and holds exactly the built-in defaults")
    void loadsAsDefaults() throws ConfigException {
        // GIVEN the file as shipped and no environment
        // WHEN it is loaded
        Settings settings = ConfigLoader.load(SHIPPED, Map.of());

        // THEN every value is the safe default
        assertThat(settings).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    @DisplayName("names every setting, so a school IT person sees them all")
    void namesEveryKey() throws ConfigException {
        // GIVEN the file as shipped
        List<ConfigException.Problem> problems = new ArrayList<>();

        // WHEN its keys are read
        Set<String> written = ConfigFile.read(SHIPPED, problems).keySet();

        // THEN every non-secret key is in it, and nothing else
        assertThat(problems).isEmpty();
        assertThat(written)
                .containsExactlyInAnyOrderElementsOf(ConfigKey.all().stream()
                        .filter(k -> !k.isSecret())
                        .map(ConfigKey::key)
                        .toList());
    }

    @Test
    @DisplayName("warns only about the token, the school's servers and the mail servers, which the school must fill in")
    void warnsAboutWhatIsMissing() throws ConfigException {
        // GIVEN the file as shipped and no environment
        // WHEN it is loaded
        EffectiveConfig config = ConfigLoader.loadEffective(SHIPPED, Map.of());

        // THEN the warnings say what is still to do
        assertThat(config.warnings()).hasSize(4);
        assertThat(config.warnings().get(0)).startsWith("DISCORD_TOKEN is not set: ");
        assertThat(config.warnings())
                .contains(
                        "discord.guilds is empty: the bot serves every Discord server it is added to, and registers its"
                                + " teacher commands for all of them; list the school's server ids in discord.guilds",
                        "mail.smtp.host is not set: emails stay queued in the outbox until SMTP is configured",
                        "mail.imap.host is not set: parents' email replies are not read");
    }
}
