package nl.classbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.classbridge.config.Imap;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.Secret;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.mail.inbox.ImapInbox;
import nl.classbridge.mail.inbox.InboxLoop;
import nl.classbridge.store.MailSeenRepository;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server misbehaving under the real SMTP sender and IMAP inbox: GreenMail on loopback,
 * real SQLite, clock time moved by hand.
 */
@DisplayName("Mail faults")
class MailFaultTest {
    private static final String BOT = "antwoord@school.example";
    private static final String PASSWORD = "imap-test-password";

    @TempDir
    Path folder;

    SchoolMail the;
    TestStore store;
    LocalMailServer server;
    /** Mails the inbox quarantined: none, in these tests (an outage is no fault of the mail). */
    final List<String> quarantined = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        if (the != null) {
            the.close();
        }
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.stop();
        }
        assertThat(quarantined).as("mails quarantined").isEmpty();
    }

    @Test
    @DisplayName("GIVEN the SMTP server refuses connections for an hour of the clock WHEN 50 class updates wait "
            + "THEN the email lane tries at most once per 30 s, no mail is given up, each keeps its Message-ID; "
            + "WHEN it is back THEN all 50 arrive once over one connection")
    void smtpRefusesConnectionsForAnHour() throws MessagingException {
        the = new SchoolMail(folder);
        List<Delivery> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(the.queueUpdate("update:1:guardian:" + i, "ouder" + i + "@example.org"));
        }
        Instant back = the.now().plus(Duration.ofHours(1));

        int passes = runLoopUntil(back);
        List<Delivery> waited = rows.stream().map(the::reload).toList();
        int tries = waited.stream().mapToInt(Delivery::attempts).sum();
        the.server.start();
        runLoopUntil(back.plus(Duration.ofHours(2)));

        assertThat(passes).as("the loop slept between tries, it did not spin").isLessThan(500);
        assertThat(tries).as("at most one try per 30 s rest of the lane").isBetween(2, 121);
        assertThat(waited).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(row.lastError()).contains("smtp-down");
        });
        assertThat(rows).allSatisfy(row -> {
            Delivery sent = the.reload(row);
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.sentAt().orElseThrow()).isAfterOrEqualTo(back);
        });
        List<MimeMessage> received = the.received();
        assertThat(received).hasSize(50);
        assertThat(received.stream().map(MailFaultTest::messageId).collect(Collectors.toSet()))
                .as("each mail carries the Message-ID stored before its first try")
                .isEqualTo(waited.stream()
                        .filter(row -> row.externalId().isPresent())
                        .map(row -> row.externalId().get())
                        .collect(Collectors.toSet()))
                .hasSize(50);
        assertThat(the.server.smtpConnections()).isEqualTo(1);
    }

    @Test
    @DisplayName("GIVEN the inbox loop reading the school's mailbox WHEN the IMAP server goes down, two replies "
            + "arrive in the mailbox meanwhile, and it comes back THEN the loop reconnects by itself and handles "
            + "those two, and none of the three it had handled before again")
    void imapDownAndBack() throws Exception {
        GreenMailUser mailbox = imapServer();
        store = new TestStore(folder);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        ImapInbox inbox = inbox(handled);
        InboxLoop loop = new InboxLoop(inbox, Duration.ofMillis(200));
        for (int i = 1; i <= 3; i++) {
            mailbox.deliver(reply("voor-" + i));
        }
        loop.start();
        try {
            Eventually.await("the first three handled", Duration.ofSeconds(30), () -> handled.size() == 3);

            server.imapDown();
            mailbox.deliver(reply("tijdens-1"));
            mailbox.deliver(reply("tijdens-2"));
            server.imapUp();

            Eventually.await("the two from the outage handled", Duration.ofSeconds(30), () -> handled.size() == 5);
        } finally {
            loop.stop();
        }
        assertThat(handled)
                .containsExactly(
                        "<voor-1@example.org>",
                        "<voor-2@example.org>",
                        "<voor-3@example.org>",
                        "<tijdens-1@example.org>",
                        "<tijdens-2@example.org>");
        assertThat(seenRows()).isEqualTo(5);
    }

    @Test
    @DisplayName("GIVEN 500 unread mails when the bot starts WHEN the inbox reads them and the connection drops at "
            + "mail 200 THEN the next start handles the other 300: each of the 500 exactly once, all flagged seen")
    void fiveHundredUnreadAtStart() throws Exception {
        GreenMailUser mailbox = imapServer();
        store = new TestStore(folder);
        for (int i = 1; i <= 500; i++) {
            mailbox.deliver(reply("mail-" + i));
        }
        List<String> handled = new ArrayList<>();
        ImapInbox first = inbox(message -> {
            handled.add(messageId(message));
            if (handled.size() == 200) {
                server.imapDown(); // the connection drops in the middle of the batch
            }
            return "answers";
        });
        assertThatThrownBy(first::pollOnce).isInstanceOf(MessagingException.class);
        first.close();
        server.imapUp();

        try (ImapInbox second = inbox(handled)) {
            assertThat(second.pollOnce()).isEqualTo(300);
            assertThat(second.pollOnce()).isZero();
        }

        assertThat(handled).hasSize(500).doesNotHaveDuplicates();
        assertThat(seenRows()).isEqualTo(500);
        long unseen = List.of(server.getReceivedMessages()).stream()
                .filter(message -> !isSeen(message))
                .count();
        assertThat(unseen)
                .as("mail 200 was recorded but its flag was lost with the connection")
                .isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("GIVEN the inbox loop in the middle of handling a mail WHEN the bot is stopped THEN the mail is "
            + "finished and the loop ends without connecting again (no IDLE that holds the stop for seconds)")
    void stopWhileHandling() throws Exception {
        GreenMailUser mailbox = imapServer();
        store = new TestStore(folder);
        mailbox.deliver(reply("net-binnen"));
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        InboxLoop loop = new InboxLoop(
                inbox(message -> {
                    handling.countDown();
                    awaitQuietly(letGo);
                    handled.add(messageId(message));
                    return "answers";
                }),
                Duration.ofMinutes(1));
        loop.start();
        assertThat(handling.await(30, TimeUnit.SECONDS)).isTrue();

        Thread stopping = new Thread(
                () -> {
                    try {
                        loop.stop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "stopping");
        stopping.start();
        // The stop waits for the mail in hand (the inbox is busy with it); only then is the mail let go.
        Eventually.await(
                "the stop to wait for the mail in hand",
                Duration.ofSeconds(30),
                () -> stopping.getState() == Thread.State.BLOCKED);
        letGo.countDown();
        stopping.join(Duration.ofSeconds(30).toMillis());

        assertThat(handled).containsExactly("<net-binnen@example.org>");
        assertThat(Thread.getAllStackTraces().keySet())
                .as("the loop's thread has ended")
                .noneMatch(thread -> thread.getName().equals("classbridge-inbox") && thread.isAlive());
        assertThat(server.imapConnections())
                .as("no new connection after the stop")
                .isEqualTo(1);
    }

    // ---- helpers

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long seenRows() {
        return store.database.read(sql -> sql.count("SELECT COUNT(*) AS n FROM mail_seen"));
    }

    /** Runs the dispatcher as its loop does, the clock jumping to each wake-up, until {@code until}. */
    private int runLoopUntil(Instant until) {
        int passes = 0;
        while (the.now().isBefore(until) && passes < 10_000) {
            the.dispatcher.dispatchDue();
            passes++;
            Instant next = the.dispatcher.nextWakeUp();
            if (next.equals(Instant.MAX)) {
                break;
            }
            if (next.isAfter(the.now())) {
                the.clock.set(next.isAfter(until) ? until : next);
            }
        }
        return passes;
    }

    private GreenMailUser imapServer() {
        server = LocalMailServer.onFreePorts();
        GreenMailUser mailbox = server.setUser(BOT, BOT, PASSWORD);
        server.start();
        return mailbox;
    }

    private ImapInbox inbox(List<String> handled) {
        return inbox(message -> {
            handled.add(messageId(message));
            return "answers";
        });
    }

    /** An inbox whose handler does {@code handle} with each mail; a mail too large or quarantined fails the test. */
    private ImapInbox inbox(Function<MimeMessage, String> handle) {
        Imap settings = new Imap(
                Optional.of(LocalMailServer.HOST),
                server.imapPort(),
                MailSecurity.NONE,
                BOT,
                Optional.of(Secret.of(PASSWORD)),
                "INBOX",
                60,
                30,
                2_097_152,
                Optional.empty());
        ImapInbox.Handler handler = new ImapInbox.Handler() {
            @Override
            public String handle(ImapInbox.Received mail) {
                return handle.apply(mail.message());
            }

            @Override
            public String tooLarge(ImapInbox.Received mail, long bytes) {
                throw new AssertionError("no mail here is too large");
            }

            @Override
            public void quarantined(ImapInbox.Received mail) {
                quarantined.add(mail.ref());
            }
        };
        return new ImapInbox(settings, new MailSeenRepository(store.database), handler, new MutableClock(TestStore.T0));
    }

    /** A parent's reply, as their mail server would put it in the school's mailbox. */
    private static MimeMessage reply(String id) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + "@example.org>");
            }
        };
        message.setFrom(new InternetAddress("ouder@example.org"));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(BOT));
        message.setSubject("Re: Hoe gaat het met Sam?", "UTF-8");
        message.setText("1. 4\n2. Hij speelde buiten", "UTF-8");
        message.saveChanges();
        return message;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSeen(MimeMessage message) {
        try {
            return message.isSet(Flags.Flag.SEEN);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
