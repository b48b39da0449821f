package nl.classbridge.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile values come out literal and escaped for where they go. */
class RenderingTest {
    @TempDir
    Path folder;

    Messages messages;
    List<Language> english;
    List<Language> arabic;

    @BeforeEach
    void catalogue() throws Exception {
        for (String lang : List.of("en", "ar")) {
            CatalogueFiles.write(folder, lang, "test", """
                    hello: "Hello **{name}**, about {child}."
                    subject: "News about {child}"
                    join: |-
                      Type: `/join code:{code}` for {child}.
                    """);
        }
        CatalogueFiles.write(folder, "nl", "test", "only-nl: \"Hoi {name}\"\n");
        messages = new Messages(MessageCatalogue.load(folder), Language.NL);
        english = messages.chain(Optional.of(Language.EN), Optional.empty());
        arabic = messages.chain(Optional.of(Language.AR), Optional.empty());
    }

    private Text hello(String name) {
        return messages.text("test.hello", english, Map.of("name", name, "child", "Sam"));
    }

    /** The same text as a Discord message. */
    private String discord(String name) {
        return DiscordText.MARKDOWN.render(messages.text("test.hello", english, Map.of("name", name, "child", "Sam")));
    }

    /** What the reader sees: the text itself in an email, the rendered Markdown on Discord. */
    private List<String> shown(String name) {
        List<String> shown = new ArrayList<>();
        shown.add(MailText.plain(hello(name)));
        shown.add(MailText.html(hello(name)));
        shown.add(MailText.header(hello(name)));
        shown.add(DiscordView.visible(discord(name)));
        return shown;
    }

    @Test
    @DisplayName("lookups in values stay literal: no environment, no system properties, no nesting")
    void noInterpolation() {
        for (String name : List.of("${env:DISCORD_TOKEN}", "${sys:user.home}", "${{child}}", "${child}", "{child}")) {
            assertThat(shown(name))
                    .hasSize(4)
                    .allSatisfy(text -> assertThat(text)
                            .contains(name)
                            .doesNotContain("Sam, about")
                            .doesNotContain(System.getProperty("user.home") + ","));
        }
    }

    @Test
    @DisplayName("Discord: Markdown in values is escaped while the template's own Markdown stays")
    void discordMarkdown() {
        String text = discord("*Noor* __x__ ~~y~~ `z` ||spoiler|| [klik](https://x.example)");
        assertThat(text)
                .startsWith("Hello **")
                .contains(
                        "\\*Noor\\*",
                        "\\_\\_x\\_\\_",
                        "\\~\\~y\\~\\~",
                        "\\`z\\`",
                        "\\|\\|spoiler\\|\\|",
                        "\\[klik\\](https://x.example)");
        String lines = discord("# Groot\n> quote\n-# klein\n- lijst\n1. een");
        assertThat(lines).contains("\\# Groot\n\\> quote\n\\-# klein\n\\- lijst\n1\\. een");
    }

    @Test
    @DisplayName("Discord: @everyone and user mentions are shown as the text typed (and sending disables pings)")
    void mentionsAsText() {
        assertThat(discord("@everyone <@123> <@&456>")).contains("\\@everyone \\<\\@123> \\<\\@&456>");
        assertThat(DiscordView.visible(discord("@everyone <@123> <@&456>"))).contains("@everyone <@123> <@&456>");
    }

    @Test
    @DisplayName("HTML: every value and the text around it are escaped; paragraphs become <p>")
    void html() {
        String html = MailText.html(messages.text(
                "test.hello", english, Map.of("name", "<script>alert('x')</script>", "child", "A & B \"C\"")));
        assertThat(html)
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;", "A &amp; B &quot;C&quot;", "dir=\"ltr\"", "<p>")
                .doesNotContain("<script>");
    }

    @Test
    @DisplayName("mail headers: CR, LF and other control characters in values cannot start a new header")
    void headerInjection() {
        String subject = MailText.header(
                messages.text("test.subject", english, Map.of("child", "Sam\r\nBcc: evil@example.org\u0000\u2028X")));
        assertThat(subject).doesNotContain("\r", "\n", "\u0000", "\u2028").startsWith("News about Sam Bcc:");
    }

    @Test
    @DisplayName("plain text: line ends are unified and stray control characters dropped, nothing else changes")
    void plain() {
        assertThat(MailText.plain(hello("a\r\nb\u0007c <b>"))).contains("a\nbc <b>");
    }

    @Test
    @DisplayName("right-to-left: values in Arabic text are isolated; mixed-direction and emoji survive intact")
    void rightToLeft() {
        Text text = messages.text("test.hello", arabic, Map.of("name", "مريم Sam 🌱👩‍👧", "child", "Noor"));
        assertThat(text.language()).isEqualTo(Language.AR);
        assertThat(DiscordText.MARKDOWN.render(text)).contains("\u2068مريم Sam 🌱👩‍👧\u2069", "\u2068Noor\u2069");
        assertThat(MailText.html(messages.text("test.hello", arabic, Map.of("name", "x", "child", "y"))))
                .contains("dir=\"rtl\" lang=\"ar\"");
        assertThat(discord("🌱👩‍👧")).contains("🌱👩‍👧");
    }

    @Test
    @DisplayName(
            "something to copy is a code span everywhere, without isolates in right-to-left text, escaped like a value")
    void codeSpans() {
        Map<String, String> values = Map.of("code", "ABCDE-FGHJK", "child", "Noor");
        Text arabicJoin = messages.text("test.join", arabic, values);
        assertThat(DiscordText.MARKDOWN.render(arabicJoin))
                .contains("`/join code:ABCDE-FGHJK`", "\u2068Noor\u2069")
                .doesNotContain("\u2068ABCDE");
        assertThat(MailText.plain(arabicJoin))
                .contains("Type: /join code:ABCDE-FGHJK for")
                .doesNotContain("`");
        assertThat(MailText.html(messages.text("test.join", english, Map.of("code", "<b>", "child", "x"))))
                .contains("<code>/join code:&lt;b&gt;</code>");
        assertThat(DiscordText.MARKDOWN.render(
                        messages.text("test.join", english, Map.of("code", "a`b\u2068c", "child", "x"))))
                .contains("`/join code:a'bc`");
        assertThat(messages.text("test.join", english, values).words())
                .isEqualTo("Type: /join code:ABCDE-FGHJK for Noor.");
    }

    @Test
    @DisplayName("a 5,000-character value is rendered whole and then split into Discord-sized messages")
    void longText() {
        String story = ("Vandaag hebben we samen gelezen en gerekend. ".repeat(20) + "\n\n").repeat(6);
        String text = discord(story);
        assertThat(text.length()).isGreaterThan(5000);
        List<String> parts = DiscordLimits.split(text);
        assertThat(parts)
                .hasSizeGreaterThan(2)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join("", parts).replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
    }

    @Test
    @DisplayName("fallback: the family's language, then the class's, then the school's, then English")
    void fallback() {
        assertThat(messages.chain(Optional.of(Language.TR), Optional.of(Language.PL)))
                .containsExactly(Language.TR, Language.PL, Language.NL, Language.EN);
        assertThat(messages.chain(Optional.empty(), Optional.of(Language.NL)))
                .containsExactly(Language.NL, Language.EN);
        List<Language> turkishFamilyInDutchClass = messages.chain(Optional.of(Language.TR), Optional.of(Language.NL));
        Text onlyDutch = messages.text("test.only-nl", turkishFamilyInDutchClass, Map.of("name", "Ayşe"));
        assertThat(onlyDutch.words()).isEqualTo("Hoi Ayşe");
        assertThat(onlyDutch.language()).isEqualTo(Language.NL);
        assertThat(messages.text("test.hello", turkishFamilyInDutchClass, Map.of("name", "A", "child", "B"))
                        .language())
                .isEqualTo(Language.EN);
    }

    @Test
    @DisplayName("a missing value or an unknown key is an error, never a text with a hole")
    void missingValues() {
        assertThatThrownBy(() -> messages.text("test.hello", english, Map.of("name", "x")))
                .hasMessageContaining("{child}");
        assertThatThrownBy(() -> messages.text("test.nope", english, Map.of())).hasMessageContaining("test.nope");
    }
}
