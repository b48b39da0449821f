package nl.classbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.EmailText;
import nl.classbridge.messages.Text;
import nl.classbridge.messages.Text.Strong;
import nl.classbridge.messages.Text.Value;
import nl.classbridge.messages.Text.Words;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An email's parts rendered from the core's structure: the plain part, the HTML part, the subject. */
class MailTextTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"Sam\"\r\nBcc: x@example.org";

    private static Text body(Language language) {
        return new Text(
                List.of(
                        new Text.Title(List.of(new Words("Nieuws uit "), new Value(HOSTILE))),
                        new Text.Paragraph(List.of(
                                new Words("Hallo <allemaal>,\n"),
                                new Strong(List.of(new Words("lees dit"))),
                                new Words("\n\nTot ziens"))),
                        new Text.Section(
                                List.of(new Words("Wat we leerden")),
                                List.of(List.of(new Value("De tafel van 7")), List.of(new Value(HOSTILE))))),
                language);
    }

    @Test
    @DisplayName("GIVEN a body with a title, a paragraph with emphasis and a blank line, and a section WHEN rendered"
            + " as HTML THEN a heading, two <p>, <strong>, a bold heading over a list, every word and value escaped")
    void htmlStructure() {
        assertThat(MailText.html(body(Language.NL))).isEqualTo("""
                <div dir="ltr" lang="nl">
                <h2>Nieuws uit &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;Sam&quot;<br>
                Bcc: x@example.org</h2>
                <p>Hallo &lt;allemaal&gt;,<br>
                <strong>lees dit</strong></p>
                <p>Tot ziens</p>
                <p><strong>Wat we leerden</strong></p>
                <ul>
                <li>De tafel van 7</li>
                <li>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;Sam&quot;<br>
                Bcc: x@example.org</li>
                </ul>
                </div>
                """);
    }

    @Test
    @DisplayName("GIVEN the same body WHEN rendered as the plain part THEN the words as written, no markup, the value"
            + " with its line end unified")
    void plainPart() {
        assertThat(MailText.plain(body(Language.NL))).isEqualTo("""
                Nieuws uit <script>alert('x')</script> & "Sam"
                Bcc: x@example.org

                Hallo <allemaal>,
                lees dit

                Tot ziens

                Wat we leerden
                • De tafel van 7
                • <script>alert('x')</script> & "Sam"
                Bcc: x@example.org""");
    }

    @Test
    @DisplayName("GIVEN an Arabic email with a hostile subject WHEN composed THEN one subject line, right-to-left parts"
            + " with isolated values, and Content-Language ar")
    void composedEmail() {
        EmailText email = new EmailText(
                Text.of(List.of(new Words("أخبار "), new Value(HOSTILE)), Language.AR), body(Language.AR));
        ComposedEmail composed = MailText.compose("ouder@example.org", email);
        // A header line keeps no invisible character at all, the isolates included.
        assertThat(composed.subject()).isEqualTo("أخبار <script>alert('x')</script> & \"Sam\" Bcc: x@example.org");
        assertThat(composed.html())
                .startsWith("<div dir=\"rtl\" lang=\"ar\">")
                .contains("<li>\u2068De tafel van 7\u2069</li>")
                .doesNotContain("<script>");
        assertThat(composed.text()).contains("• \u2068De tafel van 7\u2069");
        assertThat(composed.language()).isEqualTo("ar");
    }
}
