package nl.classbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import nl.classbridge.config.Imap;
import nl.classbridge.config.Mail;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.ReplyTokenPlace;
import nl.classbridge.config.Secret;
import nl.classbridge.config.Smtp;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SMTP settings")
class SmtpSettingsTest {
    private static final Imap NO_IMAP = new Imap(
            Optional.empty(),
            993,
            MailSecurity.SSL,
            "",
            Optional.empty(),
            "INBOX",
            60,
            30,
            2_097_152,
            Optional.empty());

    @TempDir
    Path folder;

    @Test
    @DisplayName("GIVEN starttls THEN STARTTLS is required, the server identity checked, and every timeout set")
    void starttls() {
        Properties props = SmtpSender.properties(smtp(MailSecurity.STARTTLS, "klas@school.example"));

        assertThat(props)
                .containsEntry("mail.smtp.host", "smtp.school.example")
                .containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000")
                .doesNotContainKey("mail.smtp.ssl.enable");
    }

    @Test
    @DisplayName("GIVEN ssl THEN TLS from the first byte with the server identity checked")
    void ssl() {
        Properties props = SmtpSender.properties(smtp(MailSecurity.SSL, "klas@school.example"));

        assertThat(props)
                .containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    @DisplayName("GIVEN none and no username THEN no TLS and no login; the password is in no property")
    void none() {
        Properties props = SmtpSender.properties(smtp(MailSecurity.NONE, ""));

        assertThat(props)
                .containsEntry("mail.smtp.auth", "false")
                .doesNotContainKeys("mail.smtp.ssl.enable", "mail.smtp.starttls.enable");
        assertThat(SmtpSender.properties(smtp(MailSecurity.STARTTLS, "klas@school.example"))
                        .values())
                .doesNotContain("geheim");
    }

    @Test
    @DisplayName("GIVEN no SMTP host WHEN asked THEN the sender is not configured and leaves mail waiting")
    void notConfigured() {
        try (TestStore store = new TestStore(folder)) {
            Mail mail = new Mail(
                    "",
                    "",
                    ReplyTokenPlace.PLUS_ADDRESS,
                    new Smtp(Optional.empty(), 587, MailSecurity.STARTTLS, "", Optional.empty()),
                    NO_IMAP);
            SmtpSender sender = new SmtpSender(
                    mail, delivery -> Optional.empty(), store.deliveries, new MutableClock(TestStore.T0));

            assertThat(sender.configured()).isFalse();
            assertThat(sender.send(aDelivery())).isEqualTo(SendResult.retryLater("smtp-not-configured"));
        }
    }

    @Test
    @DisplayName("GIVEN SMTP but a from address that is none WHEN the sender is made THEN it is refused at start-up")
    void badFrom() {
        try (TestStore store = new TestStore(folder)) {
            Mail mail = new Mail("klas", "", ReplyTokenPlace.PLUS_ADDRESS, smtp(MailSecurity.STARTTLS, ""), NO_IMAP);

            assertThatThrownBy(() -> new SmtpSender(
                            mail, delivery -> Optional.empty(), store.deliveries, new MutableClock(TestStore.T0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mail.from");
        }
    }

    @Test
    @DisplayName(
            "GIVEN a composer that puts a line break in the subject WHEN sending THEN compose-invalid, nothing sent")
    void composerWithAHeaderInjection() {
        try (TestStore store = new TestStore(folder)) {
            Mail mail = new Mail(
                    "klas@school.example", "", ReplyTokenPlace.PLUS_ADDRESS, smtp(MailSecurity.NONE, ""), NO_IMAP);
            SmtpSender sender = new SmtpSender(
                    mail,
                    delivery -> Optional.of(ComposedEmail.of(
                            "ouder@example.org", "Nieuws\r\nBcc: iedereen@example.org", "t", "<p>t</p>", "nl")),
                    store.deliveries,
                    new MutableClock(TestStore.T0));

            assertThat(sender.send(aDelivery())).isEqualTo(new SendResult.Failed("compose-invalid"));
        }
    }

    private static Smtp smtp(MailSecurity security, String username) {
        return new Smtp(
                Optional.of("smtp.school.example"),
                security == MailSecurity.SSL ? 465 : 587,
                security,
                username,
                username.isEmpty() ? Optional.empty() : Optional.of(Secret.of("geheim")));
    }

    private static Delivery aDelivery() {
        return new Delivery(
                1,
                "update:1:guardian:1",
                Optional.of(1L),
                Optional.of(1L),
                DeliveryChannel.EMAIL,
                "class-update",
                "p",
                DeliveryStatus.SENDING,
                1,
                TestStore.T0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                TestStore.T0,
                Optional.empty(),
                false);
    }
}
