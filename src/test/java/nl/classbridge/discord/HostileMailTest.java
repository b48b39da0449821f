package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.testing.Eventually;
import nl.classbridge.testing.SentMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's hostile-input suite for email, end to end: the real bot (real JDA against the local
 * Discord server, a real SQLite file) reads crafted mails from GreenMail's real IMAP server. Each
 * case gets a clear reply or a quiet refusal; nothing is stored that should not be; nothing
 * crashes; and what a family sent that cannot be used reaches the teacher.
 *
 * <p>One school for the whole suite: Groep 5 with five children whose families are reached by
 * email only. A first check-in closed two days ago (its mails are the "old round"), a second one
 * is open. Nothing may ever be stored for Lotte's and Sem's families: every case that forges or
 * breaks something uses them. The cases that store answers use Noor's, Mila's and Daan's.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Hostile mail")
class HostileMailTest {
    private static final String BOT = "klas@school.example";
    private static final String LOTTE = "ouder.lotte@example.org";
    private static final String SEM = "ouder.sem@example.org";
    private static final String NOOR = "ouder.noor@example.org";
    private static final String MILA = "ouder.mila@example.org";
    private static final String DAAN = "ouder.daan@example.org";
    private static final String FENNA = "ouder.fenna@example.org";
    /** Families for whom nothing may ever be stored, and families whose cases store answers. */
    private static final Map<String, String> FAMILIES =
            Map.of("Lotte", LOTTE, "Sem", SEM, "Noor", NOOR, "Mila", MILA, "Daan", DAAN, "Fenna", FENNA);

    private static final Pattern TOKEN = Pattern.compile("\\[([a-z2-9]{16})]$");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()})
            .withPerMethodLifecycle(false); // one mail server for the suite, as for the bot

    @TempDir
    static Path folder;

    SchoolOnDiscord school;
    /** The questionnaire mail of the open round, and of the closed one, per family address. */
    final Map<String, MimeMessage> questions = new HashMap<>();

    final Map<String, MimeMessage> oldQuestions = new HashMap<>();

    final nl.classbridge.testing.TestTranslator translator = new nl.classbridge.testing.TestTranslator();

    @BeforeAll
    void school() throws Exception {
        school = new SchoolOnDiscord(folder);
        school.useMail(MAIL, BOT, "Groep 5");
        school.extraEnvironment.put("CLASSBRIDGE_MAIL_TRUSTED_AUTHSERV_ID", "mx.school.example");
        // Families without a language of their own write in the class's: nothing to translate (issue 15).
        school.translator = java.util.Optional.of(translator);
        school.restart();
        school.teacher("class setup", Map.of("name", "Groep 5"));
        for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
            school.teacher("student add", Map.of("name", family.getKey()));
            school.teacher("guardian add-email", Map.of("student", family.getKey(), "email", family.getValue()));
        }
        school.teacher("checkin start", Map.of("questionnaire", "check-in", "deadline-days", 1));
        awaitQuestionsFor(oldQuestions);
        school.clock.jump(Duration.ofDays(2));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        awaitQuestionsFor(questions);
    }

    @AfterAll
    void stop() {
        school.close();
    }

    // ---------------------------------------------------------------------------------- the cases

    @Test
    @DisplayName(
            "a verified reply (the family's token, the family's address) is stored and confirmed: the control case")
    void verifiedReply() throws Exception {
        long before = mailsTo(NOOR);
        String outcome = deliver(reply(NOOR, questions.get(NOOR), "1. 4\n2. Ze leest graag"));

        assertThat(outcome).isEqualTo("answers");
        assertThat(answersOf(NOOR)).containsExactlyInAnyOrder("4", "Ze leest graag");
        awaitMailsTo(NOOR, before + 1);
    }

    @Test
    @DisplayName(
            "a forged sender (a family's address, no token) stores nothing and reaches the teacher as unverified mail")
    void forgedSender() throws Exception {
        String outcome = deliver(plain(LOTTE, "Re: Groep 5: Check-in – Lotte", "1. 1\n2. Niets, ze is gepest"));

        assertThat(outcome).isEqualTo("unverified-no-token");
        assertThat(answersOf(LOTTE)).isEmpty();
        awaitTeacherNote("Lotte", "geen antwoord op een e-mail van ons", "ze is gepest");
    }

    @Test
    @DisplayName(
            "a reply with another family's token, from that other family's real address, stores nothing for either")
    void anotherFamilysToken() throws Exception {
        String outcome = deliver(reply(SEM, questions.get(LOTTE), "1. 1\n2. Niets"));

        assertThat(outcome).isEqualTo("unverified-other-sender");
        assertThat(answersOf(LOTTE)).isEmpty();
        assertThat(answersOf(SEM)).isEmpty();
        awaitTeacherNote("Lotte", "niet vanaf het adres dat wij van dit gezin hebben");
    }

    @Test
    @DisplayName("a forged STOP (a family's address without its token, or another family's token) leaves email on")
    void forgedStop() throws Exception {
        assertThat(deliver(plain(LOTTE, "STOP", "STOP"))).isEqualTo("unverified-no-token");
        assertThat(deliver(reply(SEM, questions.get(LOTTE), "STOP"))).isEqualTo("unverified-other-sender");

        assertThat(emailStatus(LOTTE)).isEqualTo("ok");
        assertThat(emailStatus(SEM)).isEqualTo("ok");
    }

    @Test
    @DisplayName("a forged bounce (an unknown Message-ID, or a real one for another address) marks no address invalid")
    void forgedBounce() throws Exception {
        assertThat(deliver(bounce(LOTTE, "<delivery-1.0123456789abcdef@school.example>")))
                .isEqualTo("bounce-unverified");
        assertThat(deliver(bounce(SEM, questions.get(LOTTE).getMessageID()))).isEqualTo("bounce-unverified");

        assertThat(emailStatus(LOTTE)).isEqualTo("ok");
        assertThat(emailStatus(SEM)).isEqualTo("ok");
    }

    @Test
    @DisplayName("a reply with the family's token and address that the school's mail server says fails DMARC is held "
            + "as unverified; a 'pass' further down, or from another server, does not count")
    void failsTheSchoolServersCheck() throws Exception {
        String outcome = deliver("Authentication-Results: mx.school.example;\r\n dkim=none (no signature);"
                + " spf=softfail smtp.mailfrom=example.org;\r\n dmarc=fail (p=none) header.from=example.org\r\n"
                + "Authentication-Results: mx.school.example; dmarc=pass header.from=example.org\r\n"
                + "Authentication-Results: mx.forger.example; dmarc=pass header.from=example.org\r\n"
                + reply(LOTTE, questions.get(LOTTE), "1. 5\n2. Alles is prima"));

        assertThat(outcome).isEqualTo("unverified-failed-check");
        assertThat(answersOf(LOTTE)).isEmpty();
        awaitTeacherNote("Lotte", "afzenderadres misschien nep", "Alles is prima");
    }

    @Test
    @DisplayName("a reply to the closed round stores nothing: the family is told by email, the teacher gets the words")
    void replyToAnOldRound() throws Exception {
        long before = mailsTo(SEM);
        String outcome = deliver(reply(SEM, oldQuestions.get(SEM), "1. 5\n2. Voetbal, hij scoorde"));

        assertThat(outcome).isEqualTo("round-closed");
        assertThat(answersOf(SEM)).isEmpty();
        awaitTeacherNote("Sem", "vragenlijst die al gesloten was", "hij scoorde");
        awaitMailsTo(SEM, before + 1);
        assertThat(newestMailTo(SEM).getSubject()).startsWith("Vragenlijst gesloten");
    }

    @Test
    @DisplayName("GIVEN a family who chose Turkish WHEN their reply to the closed round reaches the teacher THEN the"
            + " note has the machine translation with its label and the Turkish original; the translator was sent"
            + " only the mail's words")
    void translatedForTheTeacher() throws Exception {
        String turkish = "Çok güzel resim yapıyor";
        school.inStore(db -> db.write(sql -> sql.update("UPDATE guardian SET language = 'tr' WHERE email = ?", NOOR)));
        try {
            String outcome = deliver(reply(NOOR, oldQuestions.get(NOOR), turkish));

            assertThat(outcome).isEqualTo("round-closed");
            String note = awaitTeacherNote("Noor", "vragenlijst die al gesloten was", turkish);
            assertThat(nl.classbridge.testing.DiscordView.visible(note))
                    .contains(
                            nl.classbridge.testing.TestTranslator.translated(turkish, nl.classbridge.domain.Language.NL)
                                    + "\n(automatische vertaling; oorspronkelijk: " + turkish + ")");
            assertThat(translator.sent()).containsExactly(turkish);
        } finally {
            school.inStore(
                    db -> db.write(sql -> sql.update("UPDATE guardian SET language = NULL WHERE email = ?", NOOR)));
        }
    }

    @Test
    @DisplayName("a family the teacher unlinked from the child replies with its own token: nothing changes, the teacher"
            + " gets the words")
    void unlinkedFamily() throws Exception {
        assertThat(deliver(reply(FENNA, questions.get(FENNA), "1. 3\n2. Tekenen")))
                .isEqualTo("answers");
        // The parent stays known through another child, so the reply is verified; the link to Fenna is what ended.
        school.teacher("student add", Map.of("name", "Ties"));
        school.teacher("guardian add-email", Map.of("student", "Ties", "email", FENNA));
        long guardian = school.inStore(db -> db.read(
                        sql -> sql.one("SELECT id FROM guardian WHERE email = ?", row -> row.longValue("id"), FENNA)))
                .orElseThrow();
        school.teacher("guardian remove", Map.of("student", "Fenna", "guardian", guardian));

        String outcome = deliver(reply(FENNA, questions.get(FENNA), "1. 1\n2. Alles is anders"));

        assertThat(outcome).isEqualTo("unverified-no-longer-linked");
        assertThat(answersOf(FENNA)).containsExactlyInAnyOrder("3", "Tekenen");
        awaitTeacherNote("Fenna", "niet meer aan dit kind gekoppeld", "Alles is anders");
    }

    @Test
    @DisplayName(
            "header injection: a reply whose Message-ID carries a Bcc line gets a confirmation to the family only, "
                    + "without the injected header")
    void headerInjection() throws Exception {
        long before = mailsTo(NOOR);
        String token = token(questions.get(NOOR));
        String outcome = deliver(("From: " + NOOR + "\r\nTo: klas+" + token + "@school.example\r\n"
                + "Subject: Re: Groep 5 [" + token
                + "]\r\nMessage-ID: <inject@example.org>\r\n Bcc: evil@example.org\r\n"
                + "In-Reply-To: <x@y>\r\n\tBcc: evil@example.org\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n3. Alles goed\r\n"));

        assertThat(outcome).isEqualTo("answers");
        awaitMailsTo(NOOR, before + 1);
        MimeMessage confirmation = newestMailTo(NOOR);
        assertThat(confirmation.getHeader("Bcc")).isNull();
        assertThat(confirmation.getAllRecipients()).containsExactly(new InternetAddress(NOOR));
        assertThat(confirmation.getHeader("In-Reply-To")).isNull();
        assertThat(headers(confirmation)).doesNotContain("evil@example.org");
        assertThat(receivedBy("evil@example.org")).isZero();
    }

    @Test
    @DisplayName("malformed MIME (a report without its parts) is quarantined, flagged, and the teacher is told; "
            + "the next mail is read")
    void malformedMime() throws Exception {
        String outcome = deliver(("From: " + LOTTE + "\r\nTo: " + BOT + "\r\nSubject: Undelivered Mail\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status\r\n\r\n"
                + "no boundary, no parts\r\n"));

        assertThat(outcome).isEqualTo("quarantined-failed");
        awaitTeacherNote("Lotte", "die we niet konden lezen");
        assertThat(Arrays.stream(MAIL.getReceivedMessages())
                        .filter(m -> flagged(m))
                        .count())
                .isPositive();
        assertThat(deliver(plain(LOTTE, "Re: daarna", "Gewoon een vraag"))).isEqualTo("unverified-no-token");
    }

    @Test
    @DisplayName("a multipart mail whose parts cannot be read at all is no answer: the teacher is asked to follow up")
    void unreadableParts() throws Exception {
        String token = token(questions.get(NOOR));
        String outcome = deliver(("From: " + NOOR + "\r\nTo: " + BOT + "\r\nSubject: Re: Groep 5 [" + token + "]\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "%%%%\r\n--b1--\r\n"));

        assertThat(outcome).isEqualTo("no-words");
        awaitTeacherNote("Noor", "geen woorden in lezen");
    }

    @Test
    @DisplayName("wrong and missing charsets: Windows-1252 without a charset, and an unknown charset, are read as text")
    void charsets() throws Exception {
        String token = token(questions.get(MILA));
        String headers = "From: " + MILA + "\r\nTo: " + BOT + "\r\nSubject: Re: Groep 5 [" + token + "]\r\n"
                + "MIME-Version: 1.0\r\n";
        String outcome = deliverBytes(
                (headers + "Content-Type: text/plain\r\n\r\n1. 3\r\n2. Één keer tekenen, daarna " + "spelen\r\n")
                        .getBytes(Charset.forName("windows-1252")));
        assertThat(outcome).isEqualTo("answers");
        assertThat(answersOf(MILA)).contains("Één keer tekenen, daarna spelen");

        outcome = deliver(headers + "Content-Type: text/plain; charset=x-klingon\r\n\r\n2. Buiten spelen\r\n");
        assertThat(outcome).isEqualTo("answers");
        assertThat(answersOf(MILA)).contains("Buiten spelen");
    }

    @Test
    @DisplayName("a mail over the size limit is not read; the teacher is told one came, without its content")
    void overTheSizeLimit() throws Exception {
        String token = token(questions.get(SEM));
        StringBuilder body = new StringBuilder("1. 1\r\n");
        while (body.length() < 2_200_000) {
            body.append("geheim geheim geheim geheim geheim geheim geheim geheim geheim\r\n");
        }
        String outcome = deliver("From: " + SEM + "\r\nTo: klas+" + token + "@school.example\r\nSubject: Re: [" + token
                + "]\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body);

        assertThat(outcome).isEqualTo("too-large");
        assertThat(answersOf(SEM)).isEmpty();
        String note = awaitTeacherNote("Sem", "te groot was om te lezen");
        assertThat(note).doesNotContain("geheim");
    }

    @Test
    @DisplayName("pathological HTML (deep nesting, a huge attribute, backtracking bait) is read in bounded time")
    void pathologicalHtml() throws Exception {
        String token = token(questions.get(DAAN));
        StringBuilder html = new StringBuilder("<div>1. 2</div><div>2. Rekenen</div><img title=\"")
                .append("a".repeat(300_000))
                .append("\">\n");
        for (int i = 0; i < 20_000; i++) {
            html.append(i % 50 == 0 ? "<blockquote>\n" : "<blockquote>");
        }
        html.append("diep")
                .append("\n<style>")
                .append("<style \n".repeat(30_000))
                .append("</style>")
                .append("<meta \n".repeat(30_000));
        String outcome = deliver("From: " + DAAN + "\r\nTo: klas+" + token + "@school.example\r\nSubject: Re: Groep 5 ["
                + token + "]\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n" + html);

        assertThat(outcome).isEqualTo("answers");
        assertThat(answersOf(DAAN)).containsExactlyInAnyOrder("2", "Rekenen");
    }

    // --------------------------------------------------------------------------------- the harness

    private void awaitQuestionsFor(Map<String, MimeMessage> into) {
        Eventually.await("the questions for every family", Duration.ofSeconds(30), () -> {
            for (String family : FAMILIES.values()) {
                Arrays.stream(MAIL.getReceivedMessages())
                        .filter(m -> SentMail.isTo(m, family)
                                && SentMail.subject(m).startsWith("Groep 5: Hoe gaat het")
                                && TOKEN.matcher(SentMail.subject(m)).find())
                        .filter(m -> oldQuestions.values().stream().noneMatch(old -> sameId(old, m)))
                        .findFirst()
                        .ifPresent(m -> into.put(family, m));
            }
            return into.size() == FAMILIES.size();
        });
    }

    /** Delivers a crafted mail to the bot's mailbox and waits until the bot has handled it; its outcome. */
    private String deliver(String raw) throws Exception {
        return deliverBytes(raw.getBytes(StandardCharsets.UTF_8));
    }

    private String deliverBytes(byte[] raw) throws Exception {
        return ToTheBot.deliver(school, MAIL, BOT, ToTheBot.message(raw));
    }

    /** A reply as a mail program writes it: to the original's Reply-To, subject "Re: ...", In-Reply-To. */
    private static String reply(String from, MimeMessage original, String body) throws MessagingException {
        return "From: " + from + "\r\nTo: " + original.getHeader("Reply-To")[0] + "\r\nSubject: Re: "
                + original.getHeader("Subject")[0] + "\r\nIn-Reply-To: " + original.getMessageID()
                + "\r\nMessage-ID: <r." + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    private static String plain(String from, String subject, String body) {
        return "From: " + from + "\r\nTo: " + BOT + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    /** A delivery status notification that says mail to {@code recipient} failed for good. */
    private static String bounce(String recipient, String originalId) {
        return "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\nTo: " + BOT + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + originalId + "\r\n"
                + "Subject: Groep 5\r\n\r\n--r--\r\n";
    }

    private static String token(MimeMessage mail) {
        Matcher m = TOKEN.matcher(SentMail.subject(mail));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private List<String> answersOf(String family) {
        return school.inStore(db -> db.read(sql -> sql.list("""
                SELECT a.value FROM answer a JOIN checkin_request r ON r.id = a.request_id
                JOIN guardian g ON g.id = r.guardian_id WHERE g.email = ? AND a.skipped = 0""", row -> row.string("value"), family)));
    }

    private String emailStatus(String family) {
        return school.inStore(db -> db.read(sql -> sql.one(
                        "SELECT email_status FROM guardian WHERE email = ?",
                        row -> row.string("email_status"),
                        family)))
                .orElseThrow();
    }

    /** The teacher's private note about {@code child} that holds every part; its text. */
    private String awaitTeacherNote(String child, String... parts) {
        String[] found = new String[1];
        school.discord.await(
                "a note to the teacher about " + child,
                Duration.ofSeconds(30),
                () -> school.discord.directMessagesTo(school.teacher).stream()
                        .map(m -> m.content())
                        .filter(text ->
                                text.contains(child) && Arrays.stream(parts).allMatch(text::contains))
                        .peek(text -> found[0] = text)
                        .findFirst()
                        .isPresent());
        return found[0];
    }

    private static long mailsTo(String family) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> SentMail.isTo(m, family))
                .count();
    }

    private static void awaitMailsTo(String family, long count) {
        Eventually.await(count + " mails to a family", Duration.ofSeconds(30), () -> mailsTo(family) >= count);
    }

    private static MimeMessage newestMailTo(String family) {
        List<MimeMessage> mails = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> SentMail.isTo(m, family))
                .toList();
        return mails.get(mails.size() - 1);
    }

    private static long receivedBy(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> SentMail.isTo(m, address))
                .count();
    }

    private static String headers(MimeMessage message) throws MessagingException {
        StringBuilder all = new StringBuilder();
        message.getAllHeaderLines()
                .asIterator()
                .forEachRemaining(line -> all.append(line).append('\n'));
        return all.toString();
    }

    private static boolean sameId(MimeMessage a, MimeMessage b) {
        try {
            return a.getMessageID().equals(b.getMessageID());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static boolean flagged(MimeMessage message) {
        try {
            return message.isSet(Flags.Flag.FLAGGED);
        } catch (MessagingException e) {
            return false;
        }
    }
}
