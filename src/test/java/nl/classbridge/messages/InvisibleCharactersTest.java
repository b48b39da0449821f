package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Direction controls and zero-width characters in what families and teachers type, shown to others. */
class InvisibleCharactersTest {
    /** The value alone as an email's plain part shows it. */
    private static String plain(String value, Language language) {
        return MailText.plain(alone(value, language));
    }

    /** The value alone as an email's subject shows it. */
    private static String header(String value, Language language) {
        return MailText.header(alone(value, language));
    }

    /** The value alone as an email's HTML part shows it: one paragraph. */
    private static String html(String value, Language language) {
        return MailText.html(alone(value, language));
    }

    private static Text alone(String value, Language language) {
        return Text.of(List.of(new Text.Value(value)), language);
    }

    /** The same value as a Discord message shows it. */
    private static String onDiscord(String value, Language language) {
        return DiscordText.MARKDOWN.value(value, language.rightToLeft());
    }

    @Test
    @DisplayName("GIVEN a right-to-left override, embeddings and isolates in a name WHEN shown anywhere"
            + " THEN they are gone and the text reads in its own order")
    void directionControls() {
        String spoof = "Sam\u202Egnp.exe\u202C \u202Bx\u202C \u202Ay\u202C \u202Dz\u202C \u2066a\u2069 \u2067b\u2069"
                + " \u2068c\u2069 \u200Ed\u200F \u061Ce";
        assertThat(plain(spoof, Language.NL)).isEqualTo("Samgnp.exe x y z a b c d e");
        assertThat(header(spoof, Language.NL)).isEqualTo("Samgnp.exe x y z a b c d e");
        assertThat(html(spoof, Language.NL)).contains("<p>Samgnp.exe x y z a b c d e</p>");
        assertThat(onDiscord(spoof, Language.NL)).isEqualTo("Samgnp.exe x y z a b c d e");
    }

    @Test
    @DisplayName(
            "GIVEN zero-width characters between Latin or Cyrillic letters WHEN shown THEN the name reads as it looks")
    void zeroWidth() {
        assertThat(plain(
                        "S\u200Ba\u200Cm\u200D \uFEFFN\u2060o\u2061o\u2064r \u041C\u200B\u0430\u200C\u0448\u0430",
                        Language.NL))
                .isEqualTo("Sam Noor \u041C\u0430\u0448\u0430");
        assertThat(onDiscord("\u200B\u200C\u200D", Language.NL)).isEmpty();
    }

    @Test
    @DisplayName("GIVEN emoji joined into one (families, flags, jobs, skin tones) WHEN shown THEN they stay whole")
    void emojiSequences() {
        for (String emoji : List.of(
                "👩\u200D👧",
                "👨\u200D👩\u200D👧\u200D👦",
                "🏳\uFE0F\u200D🌈",
                "🧑🏽\u200D💻",
                "❤\uFE0F\u200D🔥",
                "👩\u200D⚕\uFE0F",
                "🏴\u200D☠\uFE0F")) {
            assertThat(onDiscord("Trots " + emoji + "!", Language.NL)).isEqualTo("Trots " + emoji + "!");
        }
    }

    @Test
    @DisplayName("GIVEN Persian with its non-joiner, Arabic and Hindi WHEN shown THEN the words keep their joining;"
            + " in right-to-left text the value gets the renderer's own isolates")
    void realWriting() {
        String persian = "می\u200Cخواهم کتاب\u200Cها را بخوانم";
        assertThat(plain(persian, Language.NL)).isEqualTo(persian);
        String arabic = "مرحبا، ابني سعيد جدًا";
        assertThat(html(arabic, Language.NL)).contains("<p>" + arabic + "</p>");
        String hindi = "क्\u200Dष";
        assertThat(plain(hindi, Language.NL)).isEqualTo(hindi);
        assertThat(onDiscord("\u202E" + persian, Language.AR)).isEqualTo("\u2068" + persian + "\u2069");
    }

    @Test
    @DisplayName("GIVEN a subject value with an override WHEN made a mail header THEN the override is gone too")
    void headers() {
        assertThat(header("Sam\u202E\r\nBcc: x", Language.NL)).isEqualTo("Sam Bcc: x");
    }
}
