package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * MY DATA and FORGET ME by email end to end: real JDA, GreenMail's real SMTP and IMAP, a real SQLite
 * file. A mother without Discord asks for her data and gets it as two attachments; a forged FORGET ME
 * (her address, no token) changes nothing; her verified FORGET ME brings a code, and her reply with
 * the code erases her: from the database's bytes and from the bot's mailbox, while Sam's father stays.
 */
@Timeout(180)
class PrivacyByEmailTest {
    private static final String BOT = "klas@school.example";
    private static final String MUM = "moeder.zzmum@example.org";
    private static final Pattern CODE = Pattern.compile("VERGEET MIJ ([A-Z2-9]{5}-[A-Z2-9]{5})");

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
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.joined("papa.sam", "Sam");
        school.teacher("guardian add-email", Map.of("student", "Sam", "email", MUM));
    }

    @AfterEach
    void stop() {
        if (school != null) {
            school.close();
        }
    }

    @Test
    @DisplayName("GIVEN Sam's mother by email who answered the check-in WHEN she replies MIJN GEGEVENS, forges a"
            + " VERGEET MIJ without token, replies VERGEET MIJ and then the code THEN she gets her data attached,"
            + " the forgery changes nothing, and the code erases her from the file, the WAL and the mailbox")
    void myDataAndForgetMeByMail() throws Exception {
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        MimeMessage questions = awaitMail("Sam", 1);
        SentMail.reply(MAIL, MUM, BOT, questions, "1. Goed\n2. Ze leest ZZMUMWORDS elke avond");
        awaitMail("Bedankt", 1);

        SentMail.reply(MAIL, MUM, BOT, questions, "MIJN GEGEVENS");
        MimeMessage data = awaitMail("de gegevens die ClassBridge over jou bewaart", 1);
        Map<String, String> attached = attachments(data);
        assertThat(attached.keySet()).containsExactly("my-data.txt", "my-data.json");
        assertThat(attached.get("my-data.txt")).contains("ZZMUMWORDS", MUM, "Sam, Groep 5");
        assertThat(attached.get("my-data.json")).contains("ZZMUMWORDS", "\"email\" : \"" + MUM + "\"");
        assertThat(String.join("", attached.values())).doesNotContain("papa.sam");
        assertThat(storedMyData())
                .as("the outbox row holds no copy of her data")
                .doesNotContain("ZZMUMWORDS");

        String forgedOutcome =
                deliver("From: " + MUM + "\r\nTo: " + BOT + "\r\nSubject: Wissen\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nVERGEET MIJ\r\n");
        assertThat(forgedOutcome).isEqualTo("unverified-no-token");
        assertThat(mailsWithSubject("Je gegevens wissen")).isZero();

        SentMail.reply(MAIL, MUM, BOT, questions, "VERGEET MIJ");
        MimeMessage codeMail = awaitMail("Je gegevens wissen", 1);
        String body = GreenMailUtil.getBody(codeMail);
        assertThat(body).contains("voorgoed gewist", "ook geen bevestiging");
        Matcher code = CODE.matcher(body.replaceAll("=\r?\n", ""));
        assertThat(code.find()).as(body).isTrue();
        assertThat(storedMyData() + codeRows()).doesNotContain(code.group(1));
        assertThat(guardiansWithEmail()).isEqualTo(1);

        SentMail.reply(MAIL, MUM, BOT, codeMail, "VERGEET MIJ " + code.group(1));

        Eventually.await("the mother to be erased", Duration.ofSeconds(60), () -> guardiansWithEmail() == 0);
        Eventually.await("her mails to leave the bot's mailbox", Duration.ofSeconds(30), () -> mailsFrom(MUM) == 0);
        assertThat(mailsFrom("papa.sam")).isZero();
        int sent = MAIL.getReceivedMessages().length;
        school.discord.await(
                "the teacher to hear that a parent of Sam asked to be forgotten",
                Duration.ofSeconds(30),
                () -> school.discord.directMessagesTo(school.teacher).stream()
                        .anyMatch(m -> m.content().contains("Een ouder van Sam heeft gevraagd")));
        long fathers = school.inStore(db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM guardian")));
        assertThat(fathers).as("Sam's father stays").isEqualTo(1);
        school.close();
        school = null;
        assertThat(MAIL.getReceivedMessages())
                .as("nothing was sent to her after the erasure")
                .hasSize(sent);
        Path db = folder.resolve("classbridge.db");
        for (Path file : List.of(db, db.resolveSibling("classbridge.db-wal"))) {
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(MUM).doesNotContain("ZZMUMWORDS");
            }
        }
    }

    private MimeMessage awaitMail(String subjectPart, int count) {
        Eventually.await(
                "a mail to the mother about " + subjectPart,
                Duration.ofSeconds(60),
                () -> mailsTo(subjectPart).size() >= count);
        return mailsTo(subjectPart).get(count - 1);
    }

    private static List<MimeMessage> mailsTo(String subjectPart) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to ->
                                        ((InternetAddress) to).getAddress().equals(MUM))
                        && message.getSubject().contains(subjectPart)) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return found;
    }

    private static long mailsWithSubject(String subjectPart) {
        return mailsTo(subjectPart).size();
    }

    /** Mails in any mailbox of the server whose From holds {@code address}. */
    private static long mailsFrom(String address) {
        long n = 0;
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            Address[] from;
            try {
                from = message.getFrom();
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
            if (from != null && Arrays.stream(from).anyMatch(a -> a.toString().contains(address))) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> attachments(MimeMessage message) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.put(part.getFileName(), new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private String storedMyData() {
        List<String> rows = school.inStore(db -> db.read(sql -> sql.list(
                "SELECT payload FROM delivery WHERE kind IN ('my-data', 'forget-me-code')",
                row -> row.string("payload"))));
        return String.join("\n", rows);
    }

    private String codeRows() {
        List<String> rows = school.inStore(db ->
                db.read(sql -> sql.list("SELECT code_hash FROM family_confirmation", row -> row.string("code_hash"))));
        return String.join("\n", rows);
    }

    private long guardiansWithEmail() {
        return school.inStore(
                db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM guardian WHERE email = ?", MUM)));
    }

    /** Sends raw mail to the bot, as it is; the outcome the bot recorded for it. */
    /**
     * Sends one mail to the bot and returns the outcome the bot recorded for it: the first mail
     * with a higher number than any before it, once it has been handled (not while it is read).
     */
    private String deliver(String raw) throws Exception {
        long lastBefore = lastUid();
        ToTheBot.send(MAIL, BOT, ToTheBot.message(raw.getBytes(StandardCharsets.UTF_8)));
        Eventually.await(
                "the bot to handle the mail",
                Duration.ofSeconds(60),
                () -> outcomeAfter(lastBefore).isPresent());
        return outcomeAfter(lastBefore).orElseThrow();
    }

    private long lastUid() {
        return school.inStore(db -> db.read(sql -> sql.count("SELECT COALESCE(MAX(uid), 0) AS n FROM mail_seen")));
    }

    private Optional<String> outcomeAfter(long uid) {
        return school.inStore(db -> db.read(sql -> sql.one(
                "SELECT outcome FROM mail_seen WHERE uid > ? AND outcome <> 'reading' ORDER BY uid LIMIT 1",
                row -> row.string("outcome"),
                uid)));
    }
}
