package nl.classbridge.mail.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.config.Imap;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.Secret;
import nl.classbridge.store.MailSeenRepository;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mailbox over GreenMail's real IMAP server on a free loopback port. */
class ImapInboxTest {
    private static final String BOT = "bot@school.example";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    private Imap settings() {
        return new Imap(Optional.of("127.0.0.1"), MAIL.getImap().getPort(), MailSecurity.NONE, BOT,
                Optional.of(Secret.of("geheim")), "INBOX", 60);
    }

    private int sent;

    /** Sends a mail to the bot and waits until the server has it (delivery is asynchronous). */
    private void arrives(String subject) {
        GreenMailUtil.sendTextEmail(BOT, "ouder@example.org", subject, "1. 4", MAIL.getSmtp().getServerSetup());
        assertThat(MAIL.waitForIncomingEmail(5000, ++sent)).isTrue();
    }

    @Test
    @DisplayName("each mail is handled once: a second look, and a restart, handle nothing again; a new mail is handled")
    void exactlyOnce() throws Exception {
        MAIL.setUser(BOT, BOT, "geheim");
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            List<String> handled = new ArrayList<>();
            ImapInbox.Handler handler = message -> {
                try {
                    handled.add(message.getSubject());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
                return "answers";
            };
            arrives("Re: een");
            arrives("Re: twee");
            arrives("Re: drie");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, handler, new MutableClock(TestStore.T0))) {
                assertThat(inbox.pollOnce()).isEqualTo(3);
                assertThat(inbox.pollOnce()).isZero();
            }
            try (ImapInbox afterRestart = new ImapInbox(settings(), seen, handler, new MutableClock(TestStore.T0))) {
                assertThat(afterRestart.pollOnce()).isZero();
                arrives("Re: vier");
                assertThat(afterRestart.pollOnce()).isEqualTo(1);
            }
            assertThat(handled).containsExactly("Re: een", "Re: twee", "Re: drie", "Re: vier");
            MimeMessage[] onServer = MAIL.getReceivedMessages();
            assertThat(onServer).allSatisfy(message -> assertThat(message.isSet(Flags.Flag.SEEN)).isTrue());
        }
    }

    @Test
    @DisplayName("a mail that breaks the handler is recorded as an error and not tried again at every look")
    void poisonMail() throws Exception {
        MAIL.setUser(BOT, BOT, "geheim");
        try (TestStore store = new TestStore(folder)) {
            MailSeenRepository seen = new MailSeenRepository(store.database);
            int[] calls = {0};
            arrives("Re: kapot");
            try (ImapInbox inbox = new ImapInbox(settings(), seen, message -> {
                calls[0]++;
                throw new IllegalStateException("boom");
            }, new MutableClock(TestStore.T0))) {
                assertThat(inbox.pollOnce()).isEqualTo(1);
                assertThat(inbox.pollOnce()).isZero();
            }
            assertThat(calls[0]).isEqualTo(1);
            String outcome = store.database.read(sql -> sql.one("SELECT outcome FROM mail_seen",
                    row -> row.string("outcome"))).orElseThrow();
            assertThat(outcome).isEqualTo("error");
        }
    }
}
