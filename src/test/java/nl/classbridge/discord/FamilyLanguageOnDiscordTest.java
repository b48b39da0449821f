package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.classbridge.domain.Language;
import nl.classbridge.sandbox.discord.LocalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The family's language from the first contact (issue 15), with the real bot on the local Discord
 * server: the language a parent's Discord app is set to, carried by every interaction, decides the
 * welcome at /join and the language stored for a new guardian; the commands parents use are named
 * in their app's language.
 */
class FamilyLanguageOnDiscordTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        assertThat(school.teacher("class setup", Map.of("name", "Groep 5"))).contains("Groep 5");
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Mila"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    /** {@code parent}, with their Discord app in {@code locale}, joins for {@code child}; the welcome. */
    private String join(LocalUser parent, String locale, String child) {
        LocalUser now = school.discord.setLocale(parent, locale);
        return school.command(now, school.discord.directChannel(now), "join", Map.of("code", school.inviteCode(child)));
    }

    @Test
    @DisplayName("a parent whose Discord is in English (en-US) is welcomed in English, told about /preferences,"
            + " and their language is stored as English")
    void englishApp() {
        LocalUser dad = school.parent("dad.sam");

        String welcome = join(dad, "en-US", "Sam");

        assertThat(welcome)
                .contains("You are now signed up as a parent or carer of Sam in Groep 5")
                .contains("I am writing to you in English")
                .contains("Type `/preferences` and choose your language")
                .doesNotContain("Gelukt");
        assertThat(school.storedLanguage(dad)).contains(Language.EN);
    }

    @Test
    @DisplayName("a Turkish app gets Turkish and /tercihler; a Dutch app /voorkeuren; a French app (not ours)"
            + " the class language with the English /preferences, and no stored language")
    void otherApps() {
        LocalUser baba = school.parent("baba.sam");
        assertThat(join(baba, "tr", "Sam"))
                .contains("Artık Groep 5 sınıfındaki Sam için veli olarak kayıtlısınız")
                .contains("Size Türkçe yazıyorum")
                .contains("/tercihler");
        assertThat(school.storedLanguage(baba)).contains(Language.TR);

        LocalUser papa = school.parent("papa.mila");
        assertThat(join(papa, "nl", "Mila")).contains("Gelukt!", "Typ `/voorkeuren` en kies je taal");
        assertThat(school.storedLanguage(papa)).contains(Language.NL);

        LocalUser maman = school.parent("maman.mila");
        assertThat(join(maman, "fr", "Mila"))
                .contains("Je bent nu aangemeld als ouder of verzorger van Mila in Groep 5")
                .contains("Typ `/preferences` en kies je taal");
        assertThat(school.storedLanguage(maman)).isEmpty();
    }

    @Test
    @DisplayName("a parent who already has a language keeps it when joining for another child from an English app")
    void knownParentKeepsTheirLanguage() {
        LocalUser mum = school.parent("mama.sam");
        assertThat(join(mum, "pl", "Sam")).contains("Piszę do Państwa po polsku");

        String second = join(mum, "en-US", "Mila");

        assertThat(second).contains("Gotowe! Teraz otrzymują Państwo także wiadomości dotyczące dziecka: Mila");
        assertThat(school.storedLanguage(mum)).contains(Language.PL);
    }

    @Test
    @DisplayName("the commands parents use are registered with names and descriptions in nl, tr, pl and uk;"
            + " the teacher's commands only in nl")
    void localizedCommands() {
        JsonNode commands = school.discord.globalCommands();

        JsonNode join = named(commands, "join");
        assertThat(join.path("name_localizations").path("tr").asText()).isEqualTo("katıl");
        assertThat(join.path("name_localizations").path("pl").asText()).isEqualTo("dołącz");
        assertThat(join.path("name_localizations").path("uk").asText()).isEqualTo("приєднатися");
        assertThat(join.path("name_localizations").path("nl").asText()).isEqualTo("meedoen");
        assertThat(named(join.path("options"), "code")
                        .path("description_localizations")
                        .path("uk")
                        .asText())
                .isEqualTo("Код, який ви отримали від учителя");
        for (String parentCommand : new String[] {"join", "preferences", "my-data", "forget-me"}) {
            JsonNode command = named(commands, parentCommand);
            for (String locale : new String[] {"nl", "tr", "pl", "uk"}) {
                assertThat(command.path("name_localizations").path(locale).asText())
                        .as(parentCommand + " in " + locale)
                        .isNotBlank();
                assertThat(command.path("description_localizations")
                                .path(locale)
                                .asText())
                        .as(parentCommand + " in " + locale)
                        .isNotBlank();
            }
        }
        assertThat(named(commands, "preferences")
                        .path("name_localizations")
                        .path("tr")
                        .asText())
                .isEqualTo("tercihler");
        // Teacher commands live on the school's server, for teachers who work in Dutch.
        JsonNode classCommand = named(school.discord.guildCommands(school.guild), "class");
        assertThat(classCommand.path("name_localizations").has("tr")).isFalse();
        assertThat(classCommand.path("name_localizations").path("nl").asText()).isEqualTo("klas");
    }

    private static JsonNode named(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(node -> name.equals(node.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + list));
    }
}
