package nl.classbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.sandbox.faults.Hold;
import nl.classbridge.store.Database;
import nl.classbridge.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a separate process, killed (SIGKILL) and stopped (SIGTERM) in the middle of a
 * fan-out, and started again. Copies are counted where families would see them: per DM channel at
 * the local Discord server, per recipient in GreenMail. The kills are not timed: the server takes a
 * message and holds back its answer ({@link Hold}), and the bot is killed in exactly that moment,
 * the worst one for "sent once".
 */
@Timeout(400)
class ProcessKillIT {
    private static final int FAMILIES = 200;
    /** A bound for each wait, generous for a build machine under load; the waits end on conditions. */
    private static final Duration LONG = Duration.ofSeconds(120);
    /** The outbox's Discord nonces are "cb" and the delivery id (JDA gives other messages numeric ones). */
    private static final String OUTBOX_NONCE = "cb";
    /** A parent who answers by typing gets the four questions and the summary. */
    private static final int REPLIES_TO_TYPING = 5;

    @TempDir
    Path folder;

    SchoolForTheJar school;

    @BeforeEach
    void setUp() {
        school = new SchoolForTheJar(folder);
    }

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    @DisplayName("GIVEN a check-in going out to 200 families on Discord and three parents answering "
            + "WHEN the bot is killed (SIGKILL) just after Discord took greeting 101, and started again "
            + "THEN every family has exactly one greeting, the one in flight was sent again and deduplicated "
            + "by its nonce, and the answers given before the kill are all there")
    void killedMidDiscordFanOut() throws Exception {
        school.seed(FAMILIES, 0);
        JarProcess first = school.startBot();
        // The bot's replies to typed answers are outbox rows too (one path out), sent ahead of the
        // fan-out: the 101st greeting is the outbox's message after 100 greetings and those replies.
        Hold greeting101 = school.discord.holdNoncedMessage(OUTBOX_NONCE, 100 + REPLIES_TO_TYPING * 3);

        assertThat(school.teacher("checkin start", Map.of("questionnaire", "check-in")))
                .contains("200");
        List<LocalUser> answering = school.onDiscord.subList(0, 3);
        for (LocalUser parent : answering) {
            answerByTyping(parent, "Hij speelde met " + parent.username());
        }
        assertThat(greeting101.awaitHeld(LONG))
                .as("greeting 101 reached Discord")
                .isTrue();
        first.kill();
        greeting101.release();

        int beforeRestart = school.greetingsSent();
        assertThat(beforeRestart).as("killed in the middle of the fan-out").isEqualTo(101);
        assertThat(answering)
                .allSatisfy(parent -> assertThat(school.discord.directMessagesTo(parent).stream()
                                        .filter(m -> m.nonceValue()
                                                .filter(nonce -> nonce.startsWith(OUTBOX_NONCE))
                                                .isPresent())
                                        .count()
                                - school.greetings(parent).size())
                        .as("the replies to " + parent.username() + " came from the outbox")
                        .isEqualTo(REPLIES_TO_TYPING));
        PostedMessage inFlight = lastGreeting();
        long inFlightId = Long.parseLong(inFlight.nonceValue().orElseThrow().substring("cb".length()));
        assertThat(school.count("SELECT COUNT(*) AS n FROM delivery WHERE id = ? AND status = 'sending'", inFlightId))
                .as("the kill left the greeting in flight 'sending'")
                .isEqualTo(1);

        JarProcess second = school.startBot();
        school.discord.await("every family greeted", LONG, () -> school.familiesGreeted() == FAMILIES);

        Eventually.await(
                "the outbox to be done",
                LONG,
                () -> school.count("SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending')") == 0);

        assertThat(school.onDiscord)
                .allSatisfy(parent -> assertThat(school.greetings(parent)).hasSize(1));
        assertThat(second.output()).contains("1 deliveries interrupted by a stop were put back in the queue");
        assertThat(school.count("SELECT COUNT(*) AS n FROM delivery WHERE kind = 'checkin-greeting' AND status = 'sent'"
                        + " AND attempts = 1"))
                .isEqualTo(FAMILIES);
        long posts = school.discord.restCalls().stream()
                .filter(call -> call.method().equals("POST")
                        && call.route().equals("channels/{channel_id}/messages")
                        && call.status() == 200)
                .count();
        long stored = school.onDiscord.stream()
                .mapToLong(parent -> school.discord.directMessagesTo(parent).size())
                .sum();
        assertThat(posts)
                .as("the greeting in flight was posted twice; Discord kept one")
                .isEqualTo(stored + 1);
        for (LocalUser parent : answering) {
            assertThat(school.count("""
                    SELECT COUNT(*) AS n FROM answer a JOIN checkin_request r ON r.id = a.request_id
                    JOIN guardian g ON g.id = r.guardian_id WHERE g.discord_user_id = ? AND a.skipped = 0""", parent.id()))
                    .as("the answers of " + parent.username())
                    .isEqualTo(4);
            assertThat(school.count(
                            "SELECT COUNT(*) AS n FROM answer WHERE value = ?", "Hij speelde met " + parent.username()))
                    .isEqualTo(1);
        }
        assertPrivateLogs(first.output() + second.output());
    }

    @Test
    @DisplayName("GIVEN a check-in going out to 200 families by email WHEN the bot is killed (SIGKILL) after the "
            + "mail server took mail 101 but before it said so, a parent replies while it is down, and it starts "
            + "again THEN every family has the questions under exactly one Message-ID, only the mail in flight "
            + "arrived twice (with the same Message-ID), and the reply is read and confirmed once")
    void killedMidEmailBatch() throws Exception {
        school.seed(0, FAMILIES);
        JarProcess first = school.startBot();
        Hold mail101 = school.mail.holdAfterAccepting(100);

        assertThat(school.teacher("checkin start", Map.of("questionnaire", "check-in")))
                .contains("200");
        assertThat(mail101.awaitHeld(LONG)).as("mail 101 reached the server").isTrue();
        first.kill();
        mail101.release();

        List<MimeMessage> beforeRestart = school.questionnairesReceived();
        assertThat(beforeRestart).as("killed in the middle of the batch").hasSize(101);
        MimeMessage inFlight = beforeRestart.get(100);
        String address = SchoolForTheJar.recipient(inFlight);
        assertThat(school.count(
                        "SELECT COUNT(*) AS n FROM delivery WHERE external_id = ? AND status = 'sending'",
                        inFlight.getMessageID()))
                .as("the kill left the mail in flight 'sending'")
                .isEqualTo(1);
        MimeMessage answered = beforeRestart.get(0);
        reply(answered, "1. 4\n2. Ze bouwde een hut van takken\n3. Nee, alles goed");

        JarProcess second = school.startBot();
        // All mails at the server: 200 questionnaires, the one in flight again, the reply and its confirmation.
        assertThat(school.mail.waitForIncomingEmail(LONG.toMillis(), FAMILIES + 3))
                .isTrue();
        String parent = SchoolForTheJar.recipient(answered);
        assertThat(recipients(school.questionnairesReceived())).hasSize(FAMILIES);
        assertThat(confirmationsTo(parent)).isEqualTo(1);

        Eventually.await(
                "the outbox to be done",
                LONG,
                () -> school.count("SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending')") == 0);

        List<MimeMessage> received = school.questionnairesReceived();
        Map<String, Set<String>> idsPerFamily = received.stream()
                .collect(Collectors.groupingBy(
                        SchoolForTheJar::recipient, Collectors.mapping(ProcessKillIT::messageId, Collectors.toSet())));
        assertThat(idsPerFamily)
                .hasSize(FAMILIES)
                .allSatisfy((family, ids) -> assertThat(ids).hasSize(1));
        Map<String, Long> copies =
                received.stream().collect(Collectors.groupingBy(SchoolForTheJar::recipient, Collectors.counting()));
        Map<String, Long> twice = copies.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(twice)
                .as("only the mail in flight at the kill arrived twice")
                .containsExactly(Map.entry(address, 2L));
        assertThat(second.output()).contains("1 deliveries interrupted by a stop were put back in the queue");
        assertThat(school.count(
                        "SELECT COUNT(*) AS n FROM delivery WHERE external_id = ? AND status = 'sent'",
                        inFlight.getMessageID()))
                .isEqualTo(1);
        assertThat(school.count("SELECT COUNT(*) AS n FROM answer WHERE source = 'email' AND skipped = 0"))
                .as("the reply sent while the bot was down")
                .isEqualTo(3);
        assertThat(school.count("SELECT COUNT(*) AS n FROM answer WHERE value = ?", "Ze bouwde een hut van takken"))
                .isEqualTo(1);
        assertThat(school.count("SELECT COUNT(*) AS n FROM mail_seen")).isEqualTo(1);
        assertPrivateLogs(first.output() + second.output());
    }

    @Test
    @DisplayName("GIVEN a check-in going out to 200 families on Discord WHEN the bot gets SIGTERM while greeting 51 "
            + "is in flight THEN it takes no new greeting, finishes that one, leaves nothing 'sending', "
            + "closes the database cleanly and another process can use it at once")
    void terminatedMidFanOut() throws Exception {
        school.seed(FAMILIES, 0);
        JarProcess bot = school.startBot();
        Hold greeting51 = school.discord.holdNoncedMessage(OUTBOX_NONCE, 50);
        assertThat(school.teacher("checkin start", Map.of("questionnaire", "check-in")))
                .contains("200");
        assertThat(greeting51.awaitHeld(LONG)).isTrue();

        bot.terminate();
        bot.awaitOutput("ClassBridge stopping", LONG);
        greeting51.release(); // Discord answers now: the send in flight can finish
        int exit = bot.awaitExit(LONG);

        assertThat(exit).as("SIGTERM ends the JVM the usual way (128 + 15)").isEqualTo(143);
        assertThat(school.greetingsSent())
                .as("no greeting after the one in flight")
                .isEqualTo(51);
        assertThat(Files.exists(Path.of(school.database + "-wal")))
                .as("closed cleanly: the WAL was checkpointed")
                .isFalse();
        try (Database next = Database.open(school.database)) {
            long sending = next.read(sql -> sql.count("SELECT COUNT(*) AS n FROM delivery WHERE status = 'sending'"));
            long sent = next.read(sql -> sql.count("SELECT COUNT(*) AS n FROM delivery WHERE status = 'sent'"));
            long queued = next.read(sql -> sql.count("SELECT COUNT(*) AS n FROM delivery WHERE status = 'queued'"));
            int written = next.write(sql -> sql.update("UPDATE delivery SET next_attempt_at = next_attempt_at"));
            assertThat(sending).isZero();
            assertThat(sent).isEqualTo(51);
            assertThat(queued).as("the rest waits for the next start").isEqualTo(FAMILIES - 51);
            assertThat(written).as("a second process writes at once").isEqualTo(FAMILIES);
        }
        assertThat(bot.output()).as(bot.output()).doesNotContain("ERROR", "Exception");
    }

    /** A parent answers the check-in by typing in the DM: hello, then the four answers. */
    private void answerByTyping(LocalUser parent, String goodThing) {
        school.discord.await(
                "the greeting to " + parent.username(),
                LONG,
                () -> !school.greetings(parent).isEmpty());
        school.discord.sendDirectMessage(parent, "Hallo!");
        awaitDm(parent, "Vraag 1 van 4");
        school.discord.sendDirectMessage(parent, "4");
        awaitDm(parent, "Vraag 2 van 4");
        school.discord.sendDirectMessage(parent, goodThing);
        awaitDm(parent, "Vraag 3 van 4");
        school.discord.sendDirectMessage(parent, "Nee hoor");
        awaitDm(parent, "Vraag 4 van 4");
        school.discord.sendDirectMessage(parent, "nee");
        awaitDm(parent, goodThing);
    }

    private void awaitDm(LocalUser parent, String containing) {
        school.discord.await(
                "a DM to " + parent.username() + " with " + containing,
                LONG,
                () -> school.discord.directMessagesTo(parent).stream()
                        .anyMatch(m -> m.content().contains(containing)));
    }

    private PostedMessage lastGreeting() {
        return school.onDiscord.stream()
                .flatMap(parent -> school.greetings(parent).stream())
                .max((a, b) -> Long.compareUnsigned(a.id(), b.id()))
                .orElseThrow();
    }

    private void reply(MimeMessage original, String body) throws Exception {
        MimeMessage reply = new MimeMessage(school.mail.getSmtp().createSession());
        reply.setFrom(new InternetAddress(SchoolForTheJar.recipient(original)));
        reply.setRecipients(Message.RecipientType.TO, SchoolForTheJar.BOT_MAILBOX);
        reply.setSubject("Re: " + original.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setText(body, "UTF-8");
        GreenMailUtil.sendMimeMessage(reply);
    }

    private long confirmationsTo(String address) {
        return java.util.Arrays.stream(school.mail.getReceivedMessages())
                .filter(m -> SchoolForTheJar.recipient(m).equals(address))
                .filter(m -> SchoolForTheJar.header(m, "In-Reply-To") != null)
                .count();
    }

    private static Set<String> recipients(List<MimeMessage> mails) {
        return mails.stream().map(SchoolForTheJar::recipient).collect(Collectors.toSet());
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bot's log names no family: no address, no answer, no token. */
    private void assertPrivateLogs(String output) {
        assertThat(output)
                .doesNotContain(
                        school.discord.botToken(),
                        SchoolForTheJar.IMAP_PASSWORD,
                        "@example.org",
                        "Hij speelde met",
                        "hut van takken",
                        "Kind000");
    }
}
