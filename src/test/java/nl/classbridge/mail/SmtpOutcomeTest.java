package nl.classbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import nl.classbridge.delivery.SendResult;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What an SMTP failure means for the outbox")
class SmtpOutcomeTest {
    private static final InternetAddress PARENT = address("ouder@example.org");

    @Test
    @DisplayName(
            "GIVEN a recipient refused with 550 inside Jakarta Mail's chain THEN unreachable smtp-550, connection kept")
    void refusedRecipient() {
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(PARENT, "RCPT TO:<ouder@example.org>", 550, "550 no such user"));

        SmtpOutcome outcome = SmtpOutcome.of(failure);

        assertThat(outcome.result()).isEqualTo(new SendResult.Unreachable("smtp-550"));
        assertThat(outcome.keepConnection()).isTrue();
    }

    @Test
    @DisplayName("GIVEN a recipient deferred with 452 THEN retry later smtp-452")
    void deferredRecipient() {
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(PARENT, "RCPT TO:<ouder@example.org>", 452, "452 mailbox full"));

        assertThat(SmtpOutcome.of(failure).result()).isEqualTo(SendResult.retryLater("smtp-452"));
    }

    @Test
    @DisplayName("GIVEN the message refused after DATA with 554 THEN unreachable smtp-554, connection dropped")
    void refusedMessage() {
        SmtpOutcome outcome = SmtpOutcome.of(sendFailed("DATA", 554));

        assertThat(outcome.result()).isEqualTo(new SendResult.Unreachable("smtp-554"));
        assertThat(outcome.keepConnection()).isFalse();
    }

    @Test
    @DisplayName(
            "GIVEN our own sender address refused at MAIL FROM THEN retry later smtp-from-553: no family is marked")
    void refusedSender() {
        SendResult result = SmtpOutcome.of(sendFailed("MAIL FROM:<klas@school.example>", 553))
                .result();

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
        assertThat(((SendResult.RetryLater) result).reason()).isEqualTo("smtp-from-553");
    }

    @Test
    @DisplayName("GIVEN a failed login or 530 authentication required THEN retry later smtp-auth, lane paused")
    void authentication() {
        assertThat(SmtpOutcome.of(new AuthenticationFailedException("535 bad credentials"))
                        .result())
                .isEqualTo(SendResult.retryAfter("smtp-auth", SmtpOutcome.PAUSE_WHEN_DOWN));
        assertThat(SmtpOutcome.of(sendFailed("MAIL FROM:<klas@school.example>", 530))
                        .result())
                .isEqualTo(SendResult.retryAfter("smtp-auth", SmtpOutcome.PAUSE_WHEN_DOWN));
    }

    @Test
    @DisplayName("GIVEN a refused connection, an unknown host, a timeout THEN retry later smtp-down, lane paused")
    void serverDown() {
        SendResult down = SendResult.retryAfter("smtp-down", SmtpOutcome.PAUSE_WHEN_DOWN);
        assertThat(SmtpOutcome.of(new MessagingException("x", new ConnectException()))
                        .result())
                .isEqualTo(down);
        assertThat(SmtpOutcome.of(new MessagingException("x", new UnknownHostException()))
                        .result())
                .isEqualTo(down);
        assertThat(SmtpOutcome.of(new MessagingException("x", new SocketTimeoutException()))
                        .result())
                .isEqualTo(down);
        assertThat(SmtpOutcome.of(new MessagingException("x", new ConnectException()))
                        .keepConnection())
                .isFalse();
    }

    @Test
    @DisplayName("GIVEN 421 service closing THEN retry later smtp-421 with the lane paused")
    void serviceClosing() {
        assertThat(SmtpOutcome.of(sendFailed("DATA", 421)).result())
                .isEqualTo(SendResult.retryAfter("smtp-421", SmtpOutcome.PAUSE_WHEN_DOWN));
    }

    @Test
    @DisplayName("GIVEN a failure that says nothing known THEN retry later smtp-error")
    void unknown() {
        assertThat(SmtpOutcome.of(new MessagingException("what")).result())
                .isEqualTo(SendResult.retryLater("smtp-error"));
    }

    private static SMTPSendFailedException sendFailed(String command, int code) {
        return new SMTPSendFailedException(command, code, code + " refused", null, null, null, null);
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
