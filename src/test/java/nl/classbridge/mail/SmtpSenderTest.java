package nl.classbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.classbridge.config.ReplyTokenPlace;
import nl.classbridge.config.Secret;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Sending email over SMTP through the outbox")
class SmtpSenderTest {
    @TempDir
    Path folder;

    SchoolMail the;

    @AfterEach
    void tearDown() {
        if (the != null) {
            the.close();
        }
    }

    private static final String TOKEN = "k3mp9xq2abcdefgh";

    @Test
    @DisplayName("GIVEN mail.reply-token: subject WHEN a mail with a token is sent THEN the Reply-To is the plain "
            + "mailbox and the token travels in the subject and in the unsubscribe subject; a mail without a token "
            + "keeps its subject")
    void tokenInTheSubjectOnly() throws Exception {
        the = new SchoolMail(folder, ReplyTokenPlace.SUBJECT);
        the.server.start();
        Guardian family = the.family("ouder@example.org");
        the.queue(
                "update:1:guardian:1",
                family,
                ComposedEmail.of("ouder@example.org", "Nieuws [groep 5]", "t", "<p>t</p>", "nl")
                        .withReplyToken(TOKEN));
        the.queue(
                "update:2:guardian:1",
                family,
                ComposedEmail.of("ouder@example.org", "Zonder code", "t", "<p>t</p>", "nl"));

        the.dispatchAllDue();

        Map<String, MimeMessage> bySubject =
                the.received().stream().collect(Collectors.toMap(SmtpSenderTest::subject, Function.identity()));
        MimeMessage withToken = bySubject.get("Nieuws [groep 5] [" + TOKEN + "]");
        assertThat(withToken.getReplyTo()).containsExactly(new InternetAddress(SchoolMail.REPLY_TO));
        assertThat(withToken.getHeader("List-Unsubscribe"))
                .containsExactly("<mailto:antwoord@school.example?subject=STOP%20%5B" + TOKEN + "%5D>");
        assertThat(bySubject.get("Zonder code").getHeader("List-Unsubscribe"))
                .containsExactly("<mailto:antwoord@school.example?subject=STOP>");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SchoolMail school() {
        the = new SchoolMail(folder);
        return the;
    }

    @Test
    @DisplayName("GIVEN 100 class updates in the outbox WHEN the dispatcher sends them "
            + "THEN the SMTP server sees one connection and each family gets one mail with the stored Message-ID")
    void hundredMailsThroughOneConnection() throws MessagingException {
        school().server.start();
        List<Delivery> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(the.queueUpdate("update:1:guardian:" + i, "ouder" + i + "@example.org"));
        }

        the.dispatchAllDue();

        assertThat(the.server.smtpConnections()).isEqualTo(1);
        List<MimeMessage> received = the.received();
        assertThat(received).hasSize(100);
        Map<String, MimeMessage> byMessageId =
                received.stream().collect(Collectors.toMap(SmtpSenderTest::messageId, Function.identity()));
        assertThat(byMessageId).hasSize(100);
        for (int i = 0; i < rows.size(); i++) {
            Delivery stored = the.reload(rows.get(i));
            assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.externalId().orElseThrow())
                    .matches("<delivery-" + stored.id() + "\\.[0-9a-f]{16}@school\\.example>");
            MimeMessage mail = byMessageId.get(stored.externalId().orElseThrow());
            assertThat(mail).isNotNull();
            assertThat(mail.getRecipients(Message.RecipientType.TO))
                    .containsExactly(new InternetAddress("ouder" + i + "@example.org"));
        }
    }

    @Test
    @DisplayName("GIVEN an Arabic questionnaire confirmation that answers an earlier mail WHEN it is sent "
            + "THEN the family's mailbox (read over IMAP) holds it with every header and both parts intact, "
            + "the family's reply token in the Reply-To, the unsubscribe address and the subject")
    void headersAndPartsRoundTrip() throws Exception {
        school().server.start();
        String address = "fatima@example.org";
        the.server.setUser(address, address, "wachtwoord");
        String subject = "شكراً لإجابتك 🌷 – groep 5";
        String text = "مرحباً،\nشكراً على إجاباتك. 😊\nReply STOP to stop these emails.";
        String html = "<p dir=\"rtl\">مرحباً، شكراً على إجاباتك. 😊</p>";
        ComposedEmail email = new ComposedEmail(
                address,
                subject,
                text,
                html,
                Optional.of("<reply-77@mail.example.org>"),
                List.of("<delivery-3.00aa@school.example>", "<reply-77@mail.example.org>"),
                "ar",
                Optional.of(TOKEN));
        Delivery row = the.queue("confirm:7:guardian:1", the.family(address), email);

        the.dispatchAllDue();

        Delivery stored = the.reload(row);
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
        try (Store imap = imapStore(address)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            Message mail = messages[0];
            assertThat(mail.getSubject()).isEqualTo(subject + " [" + TOKEN + "]");
            assertThat(mail.getFrom()).containsExactly(new InternetAddress(SchoolMail.FROM));
            assertThat(mail.getReplyTo()).containsExactly(new InternetAddress("antwoord+" + TOKEN + "@school.example"));
            assertThat(mail.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(address));
            assertThat(mail.getSentDate().toInstant()).isEqualTo(the.now());
            assertThat(mail.getHeader("Message-ID"))
                    .containsExactly(stored.externalId().orElseThrow());
            assertThat(mail.getHeader("In-Reply-To")).containsExactly("<reply-77@mail.example.org>");
            assertThat(String.join(" ", mail.getHeader("References")).replaceAll("\\s+", " "))
                    .isEqualTo("<delivery-3.00aa@school.example> <reply-77@mail.example.org>");
            assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(mail.getHeader("List-Unsubscribe"))
                    .containsExactly("<mailto:antwoord+" + TOKEN + "@school.example?subject=STOP>");
            assertThat(mail.getHeader("List-Unsubscribe-Post")).isNull();
            assertThat(mail.getHeader("Content-Language")).containsExactly("ar");
            assertThat(mail.isMimeType("multipart/alternative")).isTrue();
            Multipart parts = (Multipart) mail.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertPart(parts.getBodyPart(0), "text/plain", text);
            assertPart(parts.getBodyPart(1), "text/html", html);
            inbox.close(false);
        }
    }

    @Test
    @DisplayName("GIVEN the SMTP server is down WHEN five emails are due THEN they wait with smtp-down and "
            + "their Message-IDs stored; WHEN it is up a minute later THEN all five arrive once, with those ids")
    void serverDownThenUp() {
        school();
        List<Delivery> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(the.queueUpdate("update:2:guardian:" + i, "ouder" + i + "@example.org"));
        }

        the.dispatcher.dispatchDue();
        List<Delivery> waiting = rows.stream().map(the::reload).toList();

        // The first refused connection rests the email lane; the other four are not tried against a dead server.
        assertThat(waiting.get(0).lastError()).contains("smtp-down");
        assertThat(waiting.get(0).externalId()).isPresent();
        assertThat(waiting).allSatisfy(row -> assertThat(row.status()).isEqualTo(DeliveryStatus.QUEUED));
        assertThat(the.dispatcher.nextWakeUp()).isAfter(the.now());

        the.clock.advance(Duration.ofMinutes(2));
        the.server.start();
        the.dispatchAllDue();

        List<MimeMessage> received = the.received();
        assertThat(received).hasSize(5);
        assertThat(received)
                .extracting(SmtpSenderTest::messageId)
                .doesNotHaveDuplicates()
                .contains(waiting.get(0).externalId().orElseThrow());
        assertThat(rows).allSatisfy(row -> assertThat(the.reload(row).status()).isEqualTo(DeliveryStatus.SENT));
        assertThat(the.reload(rows.get(0)).externalId())
                .isEqualTo(waiting.get(0).externalId());
        assertThat(the.server.smtpConnections()).isEqualTo(1);
        assertThat(the.notices).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a mailbox the server refuses with 550 WHEN three families are mailed "
            + "THEN that family is marked email-invalid and the teacher told smtp-550, the others get theirs "
            + "on the same connection")
    void permanentRefusalMarksTheAddressInvalid() {
        school().server.start();
        the.server.refuse("weg@example.org", "550 5.1.1 <weg@example.org>: mailbox unavailable");
        Delivery first = the.queueUpdate("update:3:guardian:1", "ouder1@example.org");
        Guardian gone = the.family("weg@example.org");
        Delivery refused = the.queue(
                "update:3:guardian:2",
                gone,
                ComposedEmail.of("weg@example.org", "Nieuws", "Hallo", "<p>Hallo</p>", "nl"));
        Delivery last = the.queueUpdate("update:3:guardian:3", "ouder3@example.org");

        the.dispatchAllDue();

        assertThat(the.reload(refused).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(the.reload(refused).lastError()).contains("smtp-550");
        assertThat(the.reload(gone).emailInvalid()).isTrue();
        assertThat(the.notices).containsExactly(new SchoolMail.Notice(gone.id(), DeliveryChannel.EMAIL, "smtp-550"));
        assertThat(the.reload(first).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.reload(last).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.received()).hasSize(2);
        assertThat(the.server.smtpConnections()).isEqualTo(1);
    }

    @Test
    @DisplayName("GIVEN a mailbox the server refuses for now with 451 WHEN it is mailed "
            + "THEN the email waits for a retry with smtp-451 and the family is not marked")
    void temporaryRefusalRetries() {
        school().server.start();
        the.server.refuse("vol@example.org", "451 4.2.0 try again later");
        Guardian full = the.family("vol@example.org");
        Delivery row = the.queue(
                "update:4:guardian:1",
                full,
                ComposedEmail.of("vol@example.org", "Nieuws", "Hallo", "<p>Hallo</p>", "nl"));

        the.dispatchAllDue();

        Delivery stored = the.reload(row);
        assertThat(stored.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(stored.lastError()).contains("smtp-451");
        assertThat(stored.nextAttemptAt()).isAfter(the.now());
        assertThat(the.reload(full).emailInvalid()).isFalse();
        assertThat(the.notices).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a mail handed to the server when the process died before it was marked sent "
            + "WHEN the next process recovers the row THEN it is sent again with the same Message-ID")
    void crashAfterTheMessageIdWasStored() {
        school().server.start();
        Delivery row = the.queueUpdate("update:5:guardian:1", "ouder@example.org");
        // What the dead process did: claimed the row, stored the Message-ID, sent, and died before recording.
        the.store.deliveries.claim(row.id(), the.now());
        Delivery claimed = the.reload(row);
        assertThat(the.sender.send(claimed)).isInstanceOf(SendResult.Sent.class);
        String before = the.reload(row).externalId().orElseThrow();

        the.clock.advance(Duration.ofMinutes(5));
        int recovered = the.dispatcher.recoverInterrupted();
        the.dispatchAllDue();

        assertThat(recovered).isEqualTo(1);
        Delivery stored = the.reload(row);
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.externalId()).contains(before);
        // The server got it twice (GreenMail does not deduplicate); a mail client shows one thread entry.
        assertThat(the.received()).extracting(SmtpSenderTest::messageId).containsExactly(before, before);
    }

    @Test
    @DisplayName("GIVEN a family's address that does not parse WHEN it is mailed "
            + "THEN it is unreachable with address-invalid and no SMTP connection is made")
    void addressThatDoesNotParse() {
        school().server.start();
        Guardian typo = the.family("ouder@@example..org");
        Delivery row = the.queue(
                "update:6:guardian:1",
                typo,
                ComposedEmail.of("ouder@@example..org", "Nieuws", "Hallo", "<p>Hallo</p>", "nl"));

        the.dispatchAllDue();

        assertThat(the.reload(row).lastError()).contains("address-invalid");
        assertThat(the.reload(typo).emailInvalid()).isTrue();
        assertThat(the.server.smtpConnections()).isZero();
    }

    @Test
    @DisplayName("GIVEN the feature has nothing to send any more WHEN the row is due "
            + "THEN it is closed as nothing-to-send and the family stays reachable")
    void nothingToSend() {
        school().server.start();
        Delivery row = the.queueUpdate("update:7:guardian:1", "ouder@example.org");
        the.emails.remove("update:7:guardian:1");

        the.dispatchAllDue();

        assertThat(the.reload(row).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(the.reload(row).lastError()).contains("nothing-to-send");
        assertThat(the.received()).isEmpty();
        assertThat(the.notices).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a wrong SMTP password WHEN mail is due THEN it waits with smtp-auth and no family is marked")
    void wrongPassword() {
        the = new SchoolMail(
                folder, "klas@school.example", Optional.of(Secret.of("verkeerd")), SmtpSender.Connections.REUSE);
        the.server.setUser("klas@school.example", "klas@school.example", "goed");
        the.server.start();
        Delivery row = the.queueUpdate("update:8:guardian:1", "ouder@example.org");

        the.dispatchAllDue();

        Delivery stored = the.reload(row);
        assertThat(stored.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(stored.lastError()).contains("smtp-auth");
        assertThat(the.notices).isEmpty();
        assertThat(the.received()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN the right SMTP password WHEN mail is due THEN it logs in and the mail arrives")
    void rightPassword() {
        the = new SchoolMail(
                folder, "klas@school.example", Optional.of(Secret.of("goed")), SmtpSender.Connections.REUSE);
        the.server.setUser("klas@school.example", "klas@school.example", "goed");
        the.server.start();
        Delivery row = the.queueUpdate("update:9:guardian:1", "ouder@example.org");

        the.dispatchAllDue();

        assertThat(the.reload(row).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.received()).hasSize(1);
    }

    @Test
    @DisplayName("GIVEN the server restarted between two batches WHEN the next batch is sent "
            + "THEN the sender notices the dropped connection, opens a new one and delivers")
    void reconnectsAfterTheServerDroppedTheConnection() {
        school().server.start();
        Delivery first = the.queueUpdate("update:10:guardian:1", "ouder1@example.org");
        the.dispatchAllDue();
        the.server.stop();
        the.server.start();
        Delivery second = the.queueUpdate("update:10:guardian:2", "ouder2@example.org");

        the.dispatchAllDue();

        assertThat(the.reload(first).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.reload(second).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.reload(second).attempts()).isEqualTo(1);
        assertThat(the.server.smtpConnections()).isEqualTo(2);
    }

    @Test
    @DisplayName("GIVEN the connection-per-mail mode of the benchmark WHEN three mails are sent "
            + "THEN the server sees three connections")
    void connectionPerMailMode() {
        the = new SchoolMail(folder, "", Optional.empty(), SmtpSender.Connections.PER_MESSAGE);
        the.server.start();
        for (int i = 0; i < 3; i++) {
            the.queueUpdate("update:11:guardian:" + i, "ouder" + i + "@example.org");
        }

        the.dispatchAllDue();

        assertThat(the.received()).hasSize(3);
        assertThat(the.server.smtpConnections()).isEqualTo(3);
    }

    private Store imapStore(String address) throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", LocalMailServer.HOST);
        props.setProperty("mail.imap.port", Integer.toString(the.server.imapPort()));
        props.setProperty("mail.imap.connectiontimeout", "5000");
        props.setProperty("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(address, "wachtwoord");
        return store;
    }

    private static void assertPart(Part part, String type, String content) throws MessagingException, IOException {
        assertThat(part.isMimeType(type)).as(type).isTrue();
        assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
        // Line ends travel as CRLF in quoted-printable; the words are what must survive.
        assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(content);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
