package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.SentMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance end to end: real JDA against the local Discord server, GreenMail's real
 * SMTP and IMAP on loopback, and a real SQLite file.
 */
@Timeout(120)
class EmailFallbackTest {
    private static final String BOT = "klas@school.example";
    private static final String PARENT = "vader.lotte@example.org";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path folder;

    SchoolOnDiscord school;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Groep 5");
        school.restart();
    }

    @AfterEach
    void stop() {
        school.close();
    }

    /** The mail to {@code address}, once it has arrived (the first mail of the test waits for it). */
    private MimeMessage awaitMailTo(String address, String subjectPart) {
        assertThat(MAIL.waitForIncomingEmail(30_000, 1)).isTrue();
        return mailTo(address, subjectPart).orElseThrow(() -> new AssertionError("no mail about " + subjectPart));
    }

    private static java.util.Optional<MimeMessage> mailTo(String address, String subjectPart) {
        return SentMail.to(MAIL, address, subjectPart);
    }

    private static void reply(String from, MimeMessage original, String body) throws Exception {
        SentMail.reply(MAIL, from, BOT, original, body);
    }

    @Test
    @DisplayName("a parent whose DMs are closed gets the questions by email, replies, and the teacher sees the answers")
    void dmBlockedParentAnswersByEmail() throws Exception {
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Lotte"));
        LocalUser father = school.parent("vader.lotte");
        school.command(
                father, school.discord.directChannel(father), "join", Map.of("code", school.inviteCode("Lotte")));
        school.discord.closeDirectMessages(father);
        school.inStore(db -> db.write(
                sql -> sql.update("UPDATE guardian SET email = ? WHERE discord_user_id = ?", PARENT, father.id())));

        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        MimeMessage questions = awaitMailTo(PARENT, "Lotte");
        String body = GreenMailUtil.getBody(questions);
        assertThat(questions.getSubject()).matches(".*\\[[a-z2-9]{16}]");
        String token = questions.getSubject().replaceAll(".*\\[([a-z2-9]{16})]$", "$1");
        assertThat(questions.getHeader("Reply-To")[0]).isEqualTo("klas+" + token + "@school.example");
        assertThat(questions.getMessageID()).isNotBlank();
        Eventually.await(
                "the questions to be marked sent",
                Duration.ofSeconds(10),
                () -> school.inStore(db -> db.read(sql -> sql.count(
                                "SELECT COUNT(*) AS n FROM delivery WHERE channel = 'email' AND status = 'sent'")))
                        == 1);
        assertThat(school.teacher("checkin status", Map.of())).containsPattern("Lotte\\*\\* #\\d+ · E-mail: Verstuurd");

        reply("iemand.anders@example.org", questions, "1. 1\n2. Niets");
        awaitDmToTeacher("Lotte");
        reply(
                PARENT,
                questions,
                "1. Heel goed\n2. Ze tekent graag\n\nOp ma 1 sep. 2026 om 09:00 schreef Groep 5:\n> 1. Hoe"
                        + " voelt je kind zich?\n");

        // The confirmation is queued with the answers, in one transaction: once it arrives, they are stored.
        // Mails so far: the questions, the stranger's reply, the father's reply, the confirmation.
        assertThat(MAIL.waitForIncomingEmail(30_000, 4)).isTrue();
        MimeMessage confirmation = awaitMailTo(PARENT, "Bedankt");
        String status = school.teacher("checkin status", Map.of());
        assertThat(status).containsPattern("Lotte\\*\\* #\\d+ · E-mail: Beantwoord");
        assertThat(school.teacher("checkin results", Map.of("student", "Lotte")))
                .contains("Antwoorden op", "Lotte", "Heel goed", "Ze tekent graag", "(overgeslagen)");
        long answers = school.inStore(db ->
                db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM answer WHERE source = 'email' AND skipped = 0")));
        assertThat(answers).isEqualTo(2);

        assertThat(GreenMailUtil.getBody(confirmation)).contains("Heel goed", "Ze tekent graag");
        assertThat(confirmation.getHeader("In-Reply-To")).isNotNull();
        assertThat(body).contains("1. ", "2. ", "3. ", "STOP");

        reply(PARENT, questions, "STOP");
        assertThat(MAIL.waitForIncomingEmail(30_000, 5)).isTrue();
        Eventually.await(
                "the father to be unsubscribed",
                Duration.ofSeconds(30),
                () -> school.inStore(db -> db.read(sql ->
                                sql.count("SELECT COUNT(*) AS n FROM guardian WHERE status_reason = 'unsubscribed'")))
                        == 1);
    }

    private void awaitDmToTeacher(String containing) {
        school.discord.await(
                "a DM to the teacher about " + containing,
                Duration.ofSeconds(30),
                () -> school.discord.directMessagesTo(school.teacher).stream()
                        .anyMatch(m -> m.content().contains(containing)));
    }
}
