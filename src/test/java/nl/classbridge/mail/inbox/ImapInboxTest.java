package nl.classbridge.mail.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.classbridge.config.Imap;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.Secret;
import nl.classbridge.store.MailSeenRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mailbox over GreenMail's real IMAP server on a free loopback port. */
class ImapInboxTest {
    private static final String BOT = "bot@school.example";
    private static final int LIMIT = 65_536;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(TestStore.T0);
    private int sent;

    @BeforeEach
    void mailbox() {
        MAIL.setUser(BOT, BOT, "geheim");
    }

    private Imap settings() {
        return new Imap(
                Optional.of("127.0.0.1"),
                MAIL.getImap().getPort(),
                MailSecurity.NONE,
                BOT,
                Optional.of(Secret.of("geheim")),
                "INBOX",
                60,
                30,
                LIMIT,
                Optional.empty());
    }

    /** Sends a mail to the bot and waits until the server has it (delivery is asynchronous). */
    private void arrives(String subject) {
        arrives(subject, "1. 4");
    }

    private void arrives(String subject, String body) {
        GreenMailUtil.sendTextEmail(
                BOT, "ouder@example.org", subject, body, MAIL.getSmtp().getServerSetup());
        assertThat(MAIL.waitForIncomingEmail(5000, ++sent)).isTrue();
    }

    /** What the inbox handed over, by subject, and what each call answers. */
    private static final class Recording implements ImapInbox.Handler {
        final List<String> handled = new ArrayList<>();
        final List<Long> tooLarge = new ArrayList<>();
        final List<Long> quarantined = new ArrayList<>();
        final Function<String, String> answer;

        Recording(Function<String, String> answer) {
            this.answer = answer;
        }

        @Override
        public String handle(ImapInbox.Received mail) {
            String subject = subject(mail.message());
            handled.add(subject);
            return answer.apply(subject);
        }

        @Override
        public String tooLarge(ImapInbox.Received mail, long bytes) {
            tooLarge.add(mail.uid());
            return "too-large";
        }

        @Override
        public void quarantined(ImapInbox.Received mail) {
            quarantined.add(mail.uid());
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> outcomes(TestStore store) {
        return store.database.read(
                sql -> sql.list("SELECT outcome FROM mail_seen ORDER BY uid", row -> row.string("outcome")));
    }

    @Test
    @DisplayName("GIVEN three mails WHEN the inbox looks twice, and again after a restart THEN each is handled once, "
            + "flagged as seen; a new mail is handled")
    void exactlyOnce() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            Recording handler = new Recording(subject -> "answers");
            arrives("Re: een");
            arrives("Re: twee");
            arrives("Re: drie");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, handler, clock)) {
                assertThat(inbox.pollOnce()).isEqualTo(3);
                assertThat(inbox.pollOnce()).isZero();
            }
            try (ImapInbox afterRestart = new ImapInbox(settings(), seen, handler, clock)) {
                assertThat(afterRestart.pollOnce()).isZero();
                arrives("Re: vier");
                assertThat(afterRestart.pollOnce()).isEqualTo(1);
            }
            assertThat(handler.handled).containsExactly("Re: een", "Re: twee", "Re: drie", "Re: vier");
            assertThat(MAIL.getReceivedMessages())
                    .allSatisfy(message ->
                            assertThat(message.isSet(Flags.Flag.SEEN)).isTrue());
            assertThat(outcomes(store)).containsOnly("answers");
        }
    }

    @Test
    @DisplayName("GIVEN a mail that makes reading throw, one that overflows the stack and one that runs out of memory "
            + "WHEN the inbox looks THEN each is quarantined (flagged, recorded, never read again) and the mail after "
            + "them is handled")
    void poisonMailIsQuarantined() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            Recording handler = new Recording(subject -> switch (subject) {
                case "Re: kapot" -> throw new IllegalStateException("ouder@example.org wrote nonsense");
                case "Re: diep" -> throw new StackOverflowError();
                case "Re: groot" -> throw new OutOfMemoryError("Java heap space");
                default -> "answers";
            });
            arrives("Re: kapot");
            arrives("Re: diep");
            arrives("Re: groot");
            arrives("Re: gewoon");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, handler, clock)) {
                assertThat(inbox.pollOnce()).isEqualTo(4);
                assertThat(inbox.pollOnce()).isZero();
            }
            try (ImapInbox afterRestart = new ImapInbox(settings(), seen, handler, clock)) {
                assertThat(afterRestart.pollOnce()).isZero();
            }

            assertThat(handler.handled).containsExactly("Re: kapot", "Re: diep", "Re: groot", "Re: gewoon");
            assertThat(handler.quarantined).hasSize(3);
            assertThat(outcomes(store))
                    .containsExactly(
                            "quarantined-failed", "quarantined-too-deep", "quarantined-too-much-memory", "answers");
            List<MimeMessage> flagged = List.of(MAIL.getReceivedMessages()).stream()
                    .filter(message -> isSet(message, Flags.Flag.FLAGGED))
                    .toList();
            assertThat(flagged)
                    .extracting(ImapInboxTest::subject)
                    .containsExactly("Re: kapot", "Re: diep", "Re: groot");
        }
    }

    @Test
    @DisplayName("GIVEN the bot stopped while it read a mail WHEN it looks again after a restart THEN that mail is "
            + "quarantined instead of read again, and the next mail is handled")
    void interruptedMailIsQuarantinedAfterRestart() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            arrives("Re: de bot stopte hierbij");
            Recording first = new Recording(subject -> "answers");
            long validity;
            try (ImapInbox inbox = new ImapInbox(settings(), seen, first, clock)) {
                inbox.pollOnce(); // learns the folder's UIDVALIDITY
                validity = store.database.read(sql -> sql.count("SELECT MAX(uid_validity) AS n FROM mail_seen"));
            }
            // As if the process had died while reading the next mail: claimed, never finished.
            arrives("Re: dodelijk");
            long uid = seen.lastUid(validity) + 1;
            assertThat(seen.claim(validity, uid, clock.instant())).isTrue();
            arrives("Re: daarna");

            Recording afterRestart = new Recording(subject -> "answers");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, afterRestart, clock)) {
                assertThat(inbox.pollOnce()).isEqualTo(2);
            }

            assertThat(afterRestart.handled).containsExactly("Re: daarna");
            assertThat(afterRestart.quarantined).containsExactly(uid);
            assertThat(seen.outcome(validity, uid)).contains("quarantined-interrupted");
        }
    }

    @Test
    @DisplayName("GIVEN a mail larger than mail.max-message-bytes WHEN the inbox looks THEN it is not read, whom it "
            + "concerns is told, and the next mail is read")
    void tooLargeIsNotRead() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            Recording handler = new Recording(subject -> "answers");
            arrives("Re: te groot", "1. 4\n" + "x".repeat(LIMIT));
            arrives("Re: klein");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, handler, clock)) {
                assertThat(inbox.pollOnce()).isEqualTo(2);
            }
            assertThat(handler.handled).containsExactly("Re: klein");
            assertThat(handler.tooLarge).hasSize(1);
            assertThat(outcomes(store)).containsExactly("too-large", "answers");
        }
    }

    @Test
    @DisplayName("GIVEN mails read on day 0 and day 20 WHEN 31 days have passed THEN the day-0 mails are expunged "
            + "from the mailbox and the day-20 mail stays until its own 30 days are over")
    void processedMailLeavesAfterKeepDays() throws Exception {
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            Recording handler = new Recording(subject -> "answers");
            arrives("Re: oud 1");
            arrives("Re: oud 2");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, handler, clock)) {
                inbox.pollOnce();
                clock.advance(Duration.ofDays(20));
                arrives("Re: nieuwer");
                inbox.pollOnce();
                assertThat(MAIL.getReceivedMessages()).hasSize(3);

                clock.advance(Duration.ofDays(11));
                inbox.pollOnce();
                assertThat(MAIL.getReceivedMessages())
                        .extracting(ImapInboxTest::subject)
                        .containsExactly("Re: nieuwer");

                clock.advance(Duration.ofDays(20));
                inbox.pollOnce();
                assertThat(MAIL.getReceivedMessages()).isEmpty();
            }
            assertThat(handler.handled).containsExactly("Re: oud 1", "Re: oud 2", "Re: nieuwer");
        }
    }

    private static boolean isSet(MimeMessage message, Flags.Flag flag) {
        try {
            return message.isSet(flag);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
