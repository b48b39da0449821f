package nl.classbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A composed email keeps untrusted text out of raw headers")
class ComposedEmailTest {

    @ParameterizedTest
    @ValueSource(strings = {"Nieuws\r\nBcc: iedereen@example.org", "Nieuws\nX-Evil: 1", "Nieuws\rX", "Nieuws\u2028X"})
    @DisplayName("GIVEN a subject with a line break WHEN the email is made THEN it is refused")
    void refusesLineBreaksInTheSubject(String subject) {
        assertThatThrownBy(() -> ComposedEmail.of("ouder@example.org", subject, "t", "<p>t</p>", "nl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Bcc");
    }

    @Test
    @DisplayName("GIVEN a recipient with a line break WHEN the email is made THEN it is refused")
    void refusesLineBreaksInTheRecipient() {
        assertThatThrownBy(() -> ComposedEmail.of("ouder@example.org\r\nBcc: x@example.org", "s", "t", "h", "nl"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("GIVEN In-Reply-To or References that are not Message-IDs WHEN the email is made THEN it is refused")
    void refusesWhatIsNoMessageId() {
        assertThatThrownBy(() -> new ComposedEmail(
                        "o@example.org",
                        "s",
                        "t",
                        "h",
                        Optional.of("<a@b>\r\nBcc: x@example.org"),
                        List.of(),
                        "nl",
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedEmail(
                        "o@example.org",
                        "s",
                        "t",
                        "h",
                        Optional.empty(),
                        List.of("<a@b> <c@d>"),
                        "nl",
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComposedEmail(
                        "o@example.org",
                        "s",
                        "t",
                        "h",
                        Optional.of("no-brackets@example.org"),
                        List.of(),
                        "nl",
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("GIVEN a reply token that is no token WHEN the email carries it THEN it is refused")
    void refusesWhatIsNoToken() {
        ComposedEmail email = ComposedEmail.of("o@example.org", "s", "t", "h", "nl");
        assertThatThrownBy(() -> email.withReplyToken("k3mp9xq2abcdefgh>\r\nBcc: x@example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> email.withReplyToken("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(email.withReplyToken("k3mp9xq2abcdefgh").replyToken()).contains("k3mp9xq2abcdefgh");
    }

    @Test
    @DisplayName("GIVEN a language that is no tag WHEN the email is made THEN it is refused")
    void refusesALanguageThatIsNoTag() {
        assertThatThrownBy(() -> ComposedEmail.of("o@example.org", "s", "t", "h", "nl\r\nX: y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComposedEmail.of("o@example.org", "s", "t", "h", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "GIVEN ordinary values in any script WHEN the email is made THEN it keeps them, bodies with line breaks too")
    void keepsOrdinaryValues() {
        ComposedEmail email = new ComposedEmail(
                "fatima@example.org",
                "شكراً 🌷",
                "regel 1\nregel 2",
                "<p>1</p>\n<p>2</p>",
                Optional.of("<r-1@mail.example.org>"),
                List.of("<d-1@school.example>"),
                "ar",
                Optional.empty());

        assertThat(email.subject()).isEqualTo("شكراً 🌷");
        assertThat(email.references()).containsExactly("<d-1@school.example>");
        assertThat(ComposedEmail.of("o@example.org", "s", "t", "h", "pt-BR").language())
                .isEqualTo("pt-BR");
    }
}
