package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.Text.Strong;
import nl.classbridge.messages.Text.Value;
import nl.classbridge.messages.Text.Words;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The core's structured texts as Discord Markdown: the adapter's own markup, values exactly as typed. */
class DiscordTextTest {
    @Test
    @DisplayName("GIVEN emphasis, a title and a section WHEN rendered for Discord THEN bold in Markdown, the items"
            + " bulleted, the catalogue's words as written")
    void structure() {
        Text text = new Text(
                List.of(
                        new Text.Title(List.of(new Words("Nieuws uit "), new Value("Groep 5"))),
                        new Text.Paragraph(List.of(
                                new Words("Druk op "),
                                new Strong(List.of(new Words("Beginnen"))),
                                new Words(".\n- een lijstje van de catalogus"))),
                        new Text.Section(
                                List.of(new Words("Wat we leerden")), List.of(List.of(new Value("De tafel van 7"))))),
                Language.NL);
        assertThat(DiscordText.MARKDOWN.render(text))
                .isEqualTo(
                        "**Nieuws uit Groep 5**\n\n"
                                + "Druk op **Beginnen**.\n- een lijstje van de catalogus\n\n**Wat we leerden**\n• De tafel van 7");
    }

    @Test
    @DisplayName("GIVEN a value full of Markdown inside emphasis WHEN rendered and shown THEN bold around exactly"
            + " what was typed")
    void valueInsideEmphasis() {
        String typed = "*Wel*zijn `x` **y** @everyone\\";
        Text text = Text.of(List.of(new Words("Check-in "), new Strong(List.of(new Value(typed)))), Language.NL);
        String markdown = DiscordText.MARKDOWN.render(text);
        assertThat(DiscordView.html(markdown))
                .startsWith("<p>Check-in <strong>")
                .doesNotContain("<em>", "<code>");
        assertThat(DiscordView.visible(markdown)).isEqualTo("Check-in " + typed);
    }

    @Test
    @DisplayName("GIVEN an Arabic text WHEN rendered for Discord THEN each escaped value sits in its own isolate")
    void rightToLeft() {
        Text text = Text.of(List.of(new Words("مرحبا "), new Value("# Sam_")), Language.AR);
        assertThat(DiscordText.MARKDOWN.render(text)).isEqualTo("مرحبا \u2068\\# Sam\\_\u2069");
    }

    @Test
    @DisplayName("GIVEN Arabic lines that begin with a command, an isolated name or a bullet WHEN rendered for Discord"
            + " THEN those without a right-to-left letter first start with U+200F, outside the code span")
    void rightToLeftLines() {
        Text arabic = new Text(
                List.of(
                        new Text.Paragraph(List.of(new Words("مرحبا "), new Value("Noor"))),
                        new Text.Paragraph(List.of(new Text.Code("/join code:ABCDE-FGHJK"))),
                        new Text.Paragraph(List.of(new Value("Sam"), new Words(" 1. اكتب"))),
                        new Text.Section(List.of(), List.of(List.of(new Value("Mila")))),
                        new Text.Paragraph(List.of(new Words("🌱 شكرًا")))),
                Language.AR);
        String[] lines = DiscordText.MARKDOWN.render(arabic).split("\n");
        assertThat(lines[0]).startsWith("مرحبا");
        assertThat(lines[2]).isEqualTo("\u200F`/join code:ABCDE-FGHJK`");
        assertThat(lines[4])
                .isEqualTo("\u2068Sam\u2069 1. اكتب"); // an isolated name counts for nothing: Arabic comes first
        assertThat(lines[6]).isEqualTo("\u200F• \u2068Mila\u2069");
        // An emoji is neutral, by code point: the Arabic after it sets the line's direction, no mark is needed.
        assertThat(lines[8]).isEqualTo("🌱 شكرًا");
        Text dutch = Text.of(List.of(new Text.Code("/join code:ABCDE-FGHJK")), Language.NL);
        assertThat(DiscordText.MARKDOWN.render(dutch)).isEqualTo("`/join code:ABCDE-FGHJK`");
    }
}
