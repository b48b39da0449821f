package nl.classbridge.mail.reply;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.classbridge.mail.reply.AuthenticationResults.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The school's mail server's verdict in Authentication-Results")
class AuthenticationResultsTest {

    private static MimeMessage mail(String headers) throws Exception {
        String raw = headers + "From: ouder@example.org\r\nTo: klas@school.example\r\nSubject: Re: x\r\n\r\n1. 4\r\n";
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Google Workspace, as it writes it (folded)
                "mx.google.com;\\r\\n       dkim=pass header.i=@example.org;\\r\\n       spf=pass (google.com: domain of x"
                        + " designates 1.2.3.4 as permitted sender) smtp.mailfrom=x@example.org;\\r\\n"
                        + "       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.org | DOES_NOT_FAIL",
                "mx.google.com; dkim=pass header.i=@example.org; spf=pass smtp.mailfrom=example.org;"
                        + " dmarc=fail (p=REJECT) header.from=example.org | FAILS",
                // no DMARC result: SPF fails and no DKIM signature passes
                "mx.google.com; spf=softfail smtp.mailfrom=example.org; dkim=none | FAILS",
                "mx.google.com; spf=fail smtp.mailfrom=example.org | FAILS",
                "mx.google.com; spf=fail smtp.mailfrom=example.org; dkim=fail; dkim=pass header.d=example.org | DOES_NOT_FAIL",
                "mx.google.com; spf=pass smtp.mailfrom=example.org; dkim=fail | DOES_NOT_FAIL",
                // a comment that says 'dmarc=fail' is only a comment; the id may carry a version
                "mx.google.com 1; dmarc=pass (not dmarc=fail) header.from=example.org | DOES_NOT_FAIL",
                "MX.Google.COM; dmarc=fail header.from=example.org | FAILS",
            })
    @DisplayName("the trusted server's line decides")
    void trustedLine(String value, Verdict expected) throws Exception {
        String header = "Authentication-Results: " + value.replace("\\r\\n", "\r\n") + "\r\n";
        assertThat(AuthenticationResults.of(mail(header), "mx.google.com")).isEqualTo(expected);
    }

    @Test
    @DisplayName("only the topmost line of the trusted server counts: a forged 'pass' below it does not")
    void topmostOnly() throws Exception {
        MimeMessage forged = mail("Authentication-Results: mx.school.example; dmarc=fail header.from=example.org\r\n"
                + "Authentication-Results: mx.school.example; dmarc=pass header.from=example.org\r\n");
        assertThat(AuthenticationResults.of(forged, "mx.school.example")).isEqualTo(Verdict.FAILS);
    }

    @Test
    @DisplayName("another server's line, and Microsoft 365's line without a name, give no verdict")
    void otherServers() throws Exception {
        MimeMessage other = mail("Authentication-Results: mx.forger.example; dmarc=fail\r\n"
                + "Authentication-Results: spf=fail (sender IP is 1.2.3.4) smtp.mailfrom=example.org; dkim=none"
                + " (message not signed) header.d=none;dmarc=fail action=none header.from=example.org;compauth=fail"
                + " reason=001\r\n");
        assertThat(AuthenticationResults.of(other, "mx.school.example")).isEqualTo(Verdict.NONE);
        assertThat(AuthenticationResults.of(mail(""), "mx.school.example")).isEqualTo(Verdict.NONE);
    }

    @Test
    @DisplayName("an ARC-Authentication-Results line of the trusted server counts like its Authentication-Results")
    void arc() throws Exception {
        MimeMessage arc =
                mail("ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=example.org;"
                        + " dmarc=fail action=quarantine header.from=example.org; dkim=none (message not signed)\r\n");
        assertThat(AuthenticationResults.of(arc, "mx.microsoft.com")).isEqualTo(Verdict.FAILS);
    }

    @Test
    @DisplayName("comments are removed, nested ones too, without touching quoted text")
    void comments() {
        assertThat(AuthenticationResults.withoutComments("a (b (c) d) e \"(f)\" g")
                        .replaceAll("\\s+", " "))
                .isEqualTo("a e \"(f)\" g");
    }
}
