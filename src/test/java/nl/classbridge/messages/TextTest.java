package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import nl.classbridge.messages.Text.Strong;
import nl.classbridge.messages.Text.Value;
import nl.classbridge.messages.Text.Words;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's texts as structure: words, values and emphasis, and how the mail adapter renders them. */
class TextTest {
    @TempDir
    Path folder;

    Messages messages;
    List<Language> dutch;

    @BeforeEach
    void catalogue() throws Exception {
        for (String lang : List.of("nl", "en")) {
            CatalogueFiles.write(folder, lang, "test", """
                    started: "Check-in **{questionnaire}** is gestart. Druk op **Beginnen**."
                    unpaired: "Sterren ** zonder paar en {name}"
                    lines: "**Eerste regel\\nTweede** regel"
                    """);
        }
        messages = new Messages(MessageCatalogue.load(folder), Language.NL);
        dutch = messages.chain(Optional.of(Language.NL), Optional.empty());
    }

    @Test
    @DisplayName("GIVEN a catalogue text with **emphasis** around words and a placeholder WHEN filled THEN words,"
            + " a raw value inside emphasis, and emphasised words")
    void emphasisParsed() {
        Text text = messages.text("test.started", dutch, Map.of("questionnaire", "*Wel*zijn"));
        assertThat(text.language()).isEqualTo(Language.NL);
        assertThat(text.spans())
                .containsExactly(
                        new Words("Check-in "),
                        new Strong(List.of(new Value("*Wel*zijn"))),
                        new Words(" is gestart. Druk op "),
                        new Strong(List.of(new Words("Beginnen"))),
                        new Words("."));
    }

    @Test
    @DisplayName("GIVEN '**' without its pair on the line WHEN filled THEN it is a word like any other")
    void unpairedMarkersAreWords() {
        assertThat(messages.text("test.unpaired", dutch, Map.of("name", "Noor")).spans())
                .containsExactly(new Words("Sterren ** zonder paar en "), new Value("Noor"));
        assertThat(messages.text("test.lines", dutch, Map.of()).spans())
                .containsExactly(new Words("**Eerste regel\nTweede** regel"));
    }

    @Test
    @DisplayName("GIVEN emphasis and a value with Markdown WHEN rendered for email THEN plain words and the value as"
            + " typed in the plain part and the subject, emphasis as <strong> in the HTML part")
    void emailShowsNoMarkup() {
        Map<String, String> values = Map.of("questionnaire", "*Wel*zijn\u0007");
        Text text = messages.text("test.started", dutch, values);
        assertThat(MailText.plain(text)).isEqualTo("Check-in *Wel*zijn is gestart. Druk op Beginnen.");
        assertThat(MailText.header(text)).isEqualTo("Check-in *Wel*zijn is gestart. Druk op Beginnen.");
        assertThat(MailText.html(text))
                .contains("<p>Check-in <strong>*Wel*zijn</strong> is gestart. Druk op <strong>Beginnen</strong>.</p>");
    }

    @Test
    @DisplayName("GIVEN a composed text with a title, a paragraph and a section WHEN rendered for email THEN blocks"
            + " apart by a blank line and the items bulleted, each line in order")
    void blocks() {
        Text text = new Text(
                List.of(
                        new Text.Title(List.of(new Words("Nieuws uit "), new Value("Groep 5"))),
                        new Text.Paragraph(List.of(new Words("Dit ging goed:"))),
                        new Text.Section(
                                List.of(new Strong(List.of(new Words("Wat we leerden")))),
                                List.of(
                                        List.of(new Value("De tafel van 7")),
                                        List.of(new Value("Lezen\r\nen schrijven"))))),
                Language.NL);
        assertThat(MailText.plain(text))
                .isEqualTo(
                        "Nieuws uit Groep 5\n\nDit ging goed:\n\nWat we leerden\n• De tafel van 7\n• Lezen\nen schrijven");
    }

    @Test
    @DisplayName("GIVEN an Arabic text WHEN rendered for email THEN each value sits in its own isolate, the words not")
    void rightToLeftValues() {
        Text text = Text.of(List.of(new Words("مرحبا "), new Value("Sam"), new Words("!")), Language.AR);
        assertThat(MailText.plain(text)).isEqualTo("مرحبا \u2068Sam\u2069!");
    }
}
