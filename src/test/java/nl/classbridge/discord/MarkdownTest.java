package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Values escaped for Discord show exactly what was typed, whatever stands around them: checked
 * through the sandbox page's rendering of Discord's Markdown. Each case was a bug of the earlier,
 * pair-based escaping.
 */
class MarkdownTest {
    private static String escaped(String value) {
        return DiscordText.MARKDOWN.value(value, Language.NL.rightToLeft());
    }

    @Test
    @DisplayName("GIVEN value lines starting with '* ' or '+ ' WHEN shown THEN no bullet list, the lines as typed")
    void bulletsAtLineStart() {
        String value = "Boodschappen:\n* melk\n+ brood";
        String html = DiscordView.html(escaped(value));
        assertThat(html).doesNotContain("<ul>", "<li>", "<em>");
        assertThat(DiscordView.visible(escaped(value))).isEqualTo(value);
    }

    @Test
    @DisplayName("GIVEN backslashes a parent typed WHEN shown THEN they stay, and a name ending in one keeps the"
            + " template's bold closed")
    void backslashes() {
        assertThat(DiscordView.visible(escaped("\\*x en C:\\Users\\noor"))).isEqualTo("\\*x en C:\\Users\\noor");
        String bold = "Hallo **" + escaped("Noor\\") + "**!";
        assertThat(DiscordView.html(bold)).isEqualTo("<p>Hallo <strong>Noor\\</strong>!</p>\n");
    }

    @Test
    @DisplayName(
            "GIVEN web addresses with markers in them WHEN shown THEN the address and its link stay exactly as typed")
    void addressesIntact() {
        for (String url :
                List.of("https://x.example/a_b_c", "https://x.example/~noor/*ster*", "http://x.example/a|b`c")) {
            assertThat(escaped(url)).isEqualTo(url);
            assertThat(DiscordView.html(escaped("zie " + url + "."))).contains("<a href=\"" + url + "\"");
        }
        String mixed = "Kijk op *https://x.example/a_b* of _hier_.";
        assertThat(DiscordView.visible(escaped(mixed))).isEqualTo(mixed);
        assertThat(DiscordView.html(escaped(mixed))).doesNotContain("<em>");
    }

    @Test
    @DisplayName("GIVEN markers inside backticks WHEN shown THEN the backticks and the markers as typed, no italics")
    void insideBackticks() {
        String value = "`*x*` en ``**y**``";
        String html = DiscordView.html(escaped(value));
        assertThat(html).doesNotContain("<em>", "<strong>", "<code>");
        assertThat(DiscordView.visible(escaped(value))).isEqualTo(value);
    }

    @Test
    @DisplayName(
            "GIVEN two highlights in one section each with one marker WHEN shown THEN they do not pair into italics")
    void markersAcrossValues() {
        String section = "**Om te vieren**\n• " + escaped("Mila_ is jarig") + "\n• " + escaped("Sam_ ook") + "\n• "
                + escaped("*Noor") + " en " + escaped("Lotte*");
        String html = DiscordView.html(section);
        assertThat(html).doesNotContain("<em>").contains("<strong>Om te vieren</strong>");
        assertThat(DiscordView.visible(section))
                .isEqualTo("Om te vieren\n• Mila_ is jarig\n• Sam_ ook\n• *Noor en Lotte*");
    }

    @Test
    @DisplayName("GIVEN mentions, @everyone, masked links, headings and code fences WHEN shown THEN the text as typed,"
            + " no mention, link, heading or code block")
    void injection() {
        String value = "@everyone @here <@123> <@&456> <#789> <t:1700000000:F> [klik](https://evil.example)\n"
                + "# Kop\n-# klein\n> citaat\n1. een\n```\ncode\n```";
        String html = DiscordView.html(escaped(value));
        assertThat(html).doesNotContain("mention", "<time", "<h3>", "<small", "<blockquote>", "<ol", "<pre>");
        assertThat(html).containsOnlyOnce("<a href=\"https://evil.example\"");
        assertThat(DiscordView.visible(escaped(value))).isEqualTo(value);
    }
}
