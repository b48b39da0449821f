package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTextsTest {
    @TempDir
    Path folder;

    @Test
    @DisplayName("the shipped commands have English names with Dutch localizations, within Discord's limits")
    void shipped() throws Exception {
        CommandTexts texts = CommandTexts.load(Path.of("messages/commands.yml"));
        assertThat(texts.paths())
                .contains(
                        "class",
                        "class setup",
                        "class setup name",
                        "student add",
                        "invite student",
                        "guardian add-email",
                        "checkin start",
                        "checkin start questionnaire",
                        "checkin status",
                        "checkin remind",
                        "join",
                        "join code",
                        "update schedule");
        assertThat(texts.get("class setup").name()).isEqualTo(new CommandTexts.Localized("setup", "instellen"));
        for (String path : texts.paths()) {
            CommandTexts.Entry entry = texts.get(path);
            assertThat(path).endsWith(entry.name().en());
            assertThat(entry.description().nl().length()).as(path).isBetween(1, CommandTexts.MAX_DESCRIPTION);
        }
    }

    @Test
    @DisplayName("the commands parents use are named in tr, pl and uk too, and those names follow Discord's rules")
    void parentCommandsInMoreLanguages() throws Exception {
        CommandTexts texts = CommandTexts.load(Path.of("messages/commands.yml"));
        for (String path : List.of("join", "preferences", "my-data", "forget-me")) {
            for (Language language : CommandTexts.OPTIONAL) {
                assertThat(texts.get(path).name().in(language))
                        .as(path + " " + language)
                        .isPresent();
                assertThat(texts.get(path).description().in(language))
                        .as(path + " " + language)
                        .isPresent();
            }
        }
        assertThat(texts.get("preferences").name().in(Language.UK)).contains("налаштування");
        assertThat(texts.get("class").name().in(Language.TR)).isEmpty();

        Path file = folder.resolve("commands.yml");
        Files.writeString(file, """
                join:
                  name: {en: join, nl: meedoen, tr: Katıl, de: beitreten}
                  description: {en: "Join", nl: "Meedoen", pl: "%s"}
                my-data:
                  name: {en: my-data, nl: mijn-gegevens, tr: katıl}
                  description: {en: "Data", nl: "Gegevens"}
                """.formatted("x".repeat(101)));
        assertThatThrownBy(() -> CommandTexts.load(file))
                .hasMessageContaining("name 'Katıl' must be")
                .hasMessageContaining("'de' is not a language a command can have")
                .hasMessageContaining("join: description must be 1 to 100");
        Files.writeString(file, """
                join:
                  name: {en: join, nl: meedoen, tr: katıl}
                  description: {en: "Join", nl: "Meedoen"}
                my-data:
                  name: {en: my-data, nl: mijn-gegevens, tr: katıl}
                  description: {en: "Data", nl: "Gegevens"}
                """);
        assertThatThrownBy(() -> CommandTexts.load(file)).hasMessageContaining("the tr name 'katıl' is used twice");
    }

    @Test
    @DisplayName(
            "names Discord would refuse, long descriptions, a missing Dutch text and a renamed English name are refused")
    void mistakes() throws Exception {
        Path file = folder.resolve("commands.yml");
        Files.writeString(file, """
                class:
                  name: {en: class, nl: "Mijn Klas"}
                  description: {en: "%s", nl: "Klas"}
                  subcommands:
                    setup:
                      name: {en: set-up, nl: instellen}
                      description: {en: "Set up"}
                """.formatted("x".repeat(101)));
        assertThatThrownBy(() -> CommandTexts.load(file))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("name 'Mijn Klas' must be")
                .hasMessageContaining("class: description must be 1 to 100")
                .hasMessageContaining("class setup: description needs an 'en' and an 'nl' text");

        Files.writeString(file, """
                invite:
                  name: {en: invitation, nl: uitnodigen}
                  description: {en: "Invite", nl: "Uitnodigen"}
                """);
        assertThatThrownBy(() -> CommandTexts.load(file)).hasMessageContaining("English name must be 'invite'");
    }
}
