package nl.classbridge.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.MailText;
import nl.classbridge.messages.EmailText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Composing a class update from the queued highlights, for the channel and for email. */
class UpdatePostTest {
    static final LocalDate FRIDAY = LocalDate.of(2026, 10, 23);

    @TempDir
    Path folder;

    UpdatesFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new UpdatesFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private List<Highlight> highlights() {
        fixture.highlight(HighlightKind.TOGETHER, "Dank aan alle ouders die hielpen bij de moestuin");
        fixture.highlight(HighlightKind.LEARNING, "We lazen **bold** voor @everyone en <@1>");
        fixture.highlight(HighlightKind.LEARNING, "De tafel van 7 zit erin");
        return fixture.store.highlights.queued(fixture.groep5.id());
    }

    private String channelPost(List<Highlight> highlights) {
        return DiscordText.MARKDOWN.render(fixture.post.post(
                fixture.groep5, highlights, FRIDAY, fixture.post.chain(fixture.groep5, Optional.empty())));
    }

    /** The email copy as it goes out: rendered by the mail adapter. */
    private static ComposedEmail sent(EmailText email) {
        return MailText.compose("ouder@example.org", email);
    }

    @Test
    @DisplayName("GIVEN learning and together highlights WHEN composed THEN title with the date, intro, only those"
            + " sections in the fixed order, highlights in the order added, closing with the teacher's name")
    void channelPostText() {
        assertThat(channelPost(highlights())).isEqualTo("""
                **Groep 5: wat ging er goed? (vrijdag 23 oktober 2026)**

                Hallo allemaal! 🌱 Hier is een kijkje in de klas. Dit ging de laatste tijd goed:

                **Wat we leerden**
                • We lazen \\*\\*bold\\*\\* voor \\@everyone en \\<\\@1>
                • De tafel van 7 zit erin

                **School en thuis samen**
                • Dank aan alle ouders die hielpen bij de moestuin

                Fijn dat jullie met ons meekijken! Heb je een vraag, of wil je iets moois delen? Je bent altijd welkom.

                Hartelijke groet,
                Juf Anna""");
    }

    @Test
    @DisplayName("all four kinds: learning, social-emotional, together, celebration, whatever order they were added in")
    void sectionOrder() {
        fixture.highlight(HighlightKind.CELEBRATION, "Mila is jarig");
        fixture.highlight(HighlightKind.TOGETHER, "Samen naar de bieb");
        fixture.highlight(HighlightKind.SOCIAL_EMOTIONAL, "We hielpen elkaar met opruimen");
        fixture.highlight(HighlightKind.LEARNING, "Breuken!");
        String text = channelPost(fixture.store.highlights.queued(fixture.groep5.id()));
        assertThat(text)
                .containsSubsequence(
                        "**Wat we leerden**",
                        "**Hoe we met elkaar omgaan**",
                        "**School en thuis samen**",
                        "**Om te vieren 🎉**");
    }

    @Test
    @DisplayName("the teacher's Markdown, headings and links stay text; the same input gives the same text twice")
    void escapingAndDeterminism() {
        fixture.highlight(HighlightKind.LEARNING, "# Kop\n> citaat\n[klik](https://x.example) ||geheim||");
        List<Highlight> queued = fixture.store.highlights.queued(fixture.groep5.id());
        String text = channelPost(queued);
        assertThat(text).contains("• \\# Kop\n\\> citaat\n\\[klik\\](https://x.example) \\|\\|geheim\\|\\|");
        assertThat(channelPost(queued)).isEqualTo(text);
    }

    @Test
    @DisplayName("an update without highlights cannot be composed: nothing empty is ever posted")
    void noHighlights() {
        assertThatThrownBy(() -> channelPost(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a preview in another language on request: English headings, the teacher's words unchanged")
    void previewInEnglish() {
        String text = DiscordText.MARKDOWN.render(fixture.post.post(
                fixture.groep5, highlights(), FRIDAY, fixture.post.chain(fixture.groep5, Optional.of(Language.EN))));
        assertThat(text)
                .startsWith("**Groep 5: what went well? (Friday, 23 October 2026)**")
                .contains("**What we learned**\n• We lazen \\*\\*bold\\*\\*", "Warm regards,\nJuf Anna");
    }

    @Test
    @DisplayName("the email copy: subject on one line, the family's language for the frame, highlights as written,"
            + " signature and footer, HTML escaped")
    void emailCopy() {
        List<Highlight> queued = highlights();
        ComposedEmail turkish = sent(fixture.post.email(
                fixture.groep5, queued, FRIDAY, fixture.post.chain(fixture.groep5, Optional.of(Language.TR))));
        assertThat(turkish.language()).isEqualTo("tr");
        assertThat(turkish.subject()).startsWith("Groep 5").contains("2026").doesNotContain("\n", "\r");
        assertThat(turkish.text())
                .containsSubsequence(
                        "• We lazen **bold** voor @everyone en <@1>",
                        "• De tafel van 7 zit erin",
                        "• Dank aan alle ouders",
                        "Juf Anna",
                        "—\n",
                        "De Regenboog",
                        "STOP")
                .doesNotContain("Wat we leerden", "\\*");
        assertThat(turkish.html()).contains("lang=\"tr\"", "&lt;@1&gt;").doesNotContain("<@1>");

        ComposedEmail dutch = sent(fixture.post.email(
                fixture.groep5, queued, FRIDAY, fixture.post.chain(fixture.groep5, Optional.empty())));
        assertThat(dutch.subject()).isEqualTo("Groep 5: nieuws uit de klas (vrijdag 23 oktober 2026)");
        assertThat(dutch.text()).contains("Wat we leerden\n• We lazen **bold** voor @everyone en <@1>");
    }
}
