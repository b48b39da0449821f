package nl.classbridge.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import nl.classbridge.mail.reply.ParsedMail;
import nl.classbridge.mail.reply.ReplyParser;
import nl.classbridge.sandbox.mail.LocalMail.Mail;
import nl.classbridge.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox's mail server, for real: the tests send over SMTP and read over IMAP with Jakarta
 * Mail, as the bot does, and act as a family through {@link LocalMail}, as the sandbox page does.
 * A mail is stored before the server answers 250 to DATA, so nothing here waits.
 */
@DisplayName("The sandbox's local mail server")
class LocalMailTest {
    private static final String BOT = "groep5@school.example";
    private static final String AMRANI = "amrani@gezin.example";
    private static final String DE_VRIES = "devries@gezin.example";
    private static final String JANSEN = "jansen@gezin.example";
    private static final String ORIGINAL_ID = "<delivery-7.0123456789abcdef@school.example>";
    private static final String EARLIER_ID = "<delivery-3.fedcba9876543210@school.example>";
    private static final String ARABIC_SUBJECT = "Terugblik week 49 – ملخص الأسبوع";
    private static final String ARABIC_TEXT =
            "مرحبا عائلة العمراني،\n\nهذا الأسبوع تعلمنا الكسور.\n\n1. هل يأتي طفلكم إلى العشاء؟";
    private static final String ARABIC_HTML =
            "<html><body dir=\"rtl\"><p>مرحبا عائلة العمراني،</p>" + "<p>هذا الأسبوع تعلمنا الكسور.</p></body></html>";

    private final MutableClock clock =
            new MutableClock(Instant.parse("2026-12-08T18:30:00Z"), ZoneId.of("Europe/Amsterdam"));
    private LocalMail mail;
    private Store imap;

    @BeforeEach
    void start() {
        mail = LocalMail.start(BOT, clock);
    }

    @AfterEach
    void stop() throws MessagingException {
        if (imap != null) {
            imap.close();
        }
        mail.close();
    }

    @Test
    @DisplayName("GIVEN a multipart/alternative mail in Arabic from the bot to two families "
            + "WHEN each family's mailbox is opened THEN both hold it, decoded, and a third family's does not")
    void mailToTwoFamilies() throws MessagingException {
        MimeMessage sent = fromBot(ARABIC_SUBJECT, ORIGINAL_ID, AMRANI + ", " + DE_VRIES);
        sent.setContentLanguage(new String[] {"ar"});
        sent.setContent(alternative(ARABIC_TEXT, ARABIC_HTML));
        sendAsBot(sent);

        assertThat(mail.received()).isEqualTo(1);
        List<Mail> amrani = mail.mailboxOf(AMRANI);
        assertThat(amrani).singleElement().satisfies(received -> {
            assertThat(received.id()).matches("[0-9a-f]{16}");
            assertThat(received.from()).isEqualTo("Groep 5 <" + BOT + ">");
            assertThat(received.fromAddress()).isEqualTo(BOT);
            assertThat(received.to()).containsExactly(AMRANI, DE_VRIES);
            assertThat(received.replyTo()).isEqualTo(BOT);
            assertThat(received.subject()).isEqualTo(ARABIC_SUBJECT);
            assertThat(received.sentAt()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
            assertThat(received.messageId()).isEqualTo(ORIGINAL_ID);
            assertThat(received.references()).isEqualTo(EARLIER_ID);
            assertThat(received.plain()).isEqualTo(ARABIC_TEXT);
            assertThat(received.html()).contains(ARABIC_HTML);
            assertThat(received.language()).contains("ar");
        });
        assertThat(mail.mailboxOf(DE_VRIES)).containsExactlyElementsOf(amrani);
        assertThat(mail.mailboxOf("AMRANI@Gezin.Example")).containsExactlyElementsOf(amrani);
        assertThat(mail.mailboxOf(JANSEN)).isEmpty();
        assertThat(mail.mailboxOf(AMRANI)).as("the same id at every look").containsExactlyElementsOf(amrani);
        assertThat(mail.find(AMRANI, amrani.get(0).id())).contains(amrani.get(0));
        assertThat(mail.find(JANSEN, amrani.get(0).id())).isEmpty();
    }

    @Test
    @DisplayName("GIVEN mails of other shapes (mixed with an attachment, HTML only, base64, quoted-printable Latin-1) "
            + "WHEN the mailbox is opened THEN each shows its text, oldest first")
    void otherShapes() throws MessagingException {
        MimeMessage mixed = fromBot("Rapport", "<mixed.1@school.example>", JANSEN);
        MimeMultipart outer = new MimeMultipart("mixed");
        MimeBodyPart inner = new MimeBodyPart();
        inner.setContent(alternative("Zie de bijlage.", "<p>Zie de <b>bijlage</b>.</p>"));
        outer.addBodyPart(inner);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("geen tekst voor de ouder", "UTF-8");
        attachment.setFileName("rapport.txt");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        outer.addBodyPart(attachment);
        mixed.setContent(outer);
        sendAsBot(mixed);

        MimeMessage htmlOnly = fromBot("Alleen HTML", "<html.1@school.example>", JANSEN);
        htmlOnly.setText(
                "<html><head><style>p{color:red}</style></head><body><p>Beste ouder,</p>"
                        + "<p>De excursie is op <b>vrijdag</b>&nbsp;&amp; zaterdag.<br>Tot dan!</p></body></html>",
                "UTF-8",
                "html");
        sendAsBot(htmlOnly);

        MimeMessage base64 = fromBot("Base64", "<b64.1@school.example>", JANSEN);
        base64.setText("Één regel met ë en een lange Arabische zin: " + "مرحبا ".repeat(40), "UTF-8");
        base64.setHeader("Content-Transfer-Encoding", "base64");
        sendAsBot(base64);

        sendRaw(
                JANSEN,
                String.join(
                        "\r\n",
                        "From: Oude Mailer <oud@school.example>",
                        "To: " + JANSEN,
                        "Subject: =?ISO-8859-1?Q?Caf=E9?=",
                        "Message-ID: <qp.1@school.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=ISO-8859-1",
                        "Content-Transfer-Encoding: quoted-printable",
                        "",
                        "Caf=E9 na =\r\nschool.",
                        ""));

        List<Mail> box = mail.mailboxOf(JANSEN);
        assertThat(box).extracting(Mail::subject).containsExactly("Rapport", "Alleen HTML", "Base64", "Café");
        assertThat(box.get(0).plain()).isEqualTo("Zie de bijlage.");
        assertThat(box.get(0).html()).contains("<p>Zie de <b>bijlage</b>.</p>");
        assertThat(box.get(1).plain()).isEqualTo("Beste ouder,\n\nDe excursie is op vrijdag & zaterdag.\nTot dan!");
        assertThat(box.get(1).html()).isPresent();
        assertThat(box.get(2).plain()).startsWith("Één regel met ë").contains("مرحبا مرحبا");
        assertThat(box.get(3).plain()).isEqualTo("Café na school.");
        assertThat(box.get(3).language()).isEmpty();
        assertThat(box.get(3).html()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a mail from the bot WHEN the family replies THEN the bot reads over IMAP a reply "
            + "with From, To, Re: subject, In-Reply-To, References, the sandbox clock's Date and the UTF-8 body")
    void replyReachesTheBot() throws Exception {
        sendAsBot(checkin(ARABIC_SUBJECT));
        Mail original = mail.mailboxOf(AMRANI).get(0);
        String body = "نعم، سيأتي. Ja, hij komt! 🎄";

        mail.sendReply(AMRANI, original, body);

        assertThat(mail.received()).isEqualTo(2);
        Message[] inbox = botInbox();
        assertThat(inbox).hasSize(1);
        MimeMessage reply = (MimeMessage) inbox[0];
        assertThat(reply.getFrom()).containsExactly(new InternetAddress(AMRANI));
        assertThat(reply.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(BOT));
        assertThat(reply.getAllRecipients()).hasSize(1);
        assertThat(reply.getSubject()).isEqualTo("Re: " + ARABIC_SUBJECT);
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(ORIGINAL_ID);
        assertThat(reply.getHeader("References", " ").replaceAll("\\s+", " "))
                .isEqualTo(EARLIER_ID + " " + ORIGINAL_ID);
        assertThat(reply.getMessageID()).matches("<sandbox-reply\\.[0-9a-f]{24}@gezin\\.example>");
        assertThat(reply.getSentDate().toInstant()).isEqualTo(clock.instant());
        assertThat(reply.getHeader("Date", null)).isEqualTo("Tue, 8 Dec 2026 19:30:00 +0100");
        assertThat(reply.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(reply.getContent()).isEqualTo(body);

        Mail seen = mail.mailboxOf(BOT).get(0);
        assertThat(seen.subject()).isEqualTo("Re: " + ARABIC_SUBJECT);
        assertThat(seen.plain()).isEqualTo(body);
        assertThat(seen.sentAt()).isEqualTo(clock.instant());
    }

    @Test
    @DisplayName("GIVEN a mail from the bot whose Reply-To is its plus-address with a reply token WHEN the family "
            + "replies THEN the reply lands in the bot's own mailbox, as servers with subaddressing deliver it, "
            + "still addressed to the plus-address, and no mailbox is made for it")
    void plusAddressReachesTheBotsMailbox() throws Exception {
        String plus = "groep5+k3mp9xq2abcdefgh@school.example";
        MimeMessage withToken = checkin("Check-in week 49 [k3mp9xq2abcdefgh]");
        withToken.setReplyTo(new InternetAddress[] {new InternetAddress(plus)});
        sendAsBot(withToken);
        Mail original = mail.mailboxOf(AMRANI).get(0);
        assertThat(original.replyTo()).isEqualTo(plus);

        mail.sendReply(AMRANI, original, "1. Ja");

        Message[] inbox = botInbox();
        assertThat(inbox).hasSize(1);
        assertThat(inbox[0].getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(plus));
        ParsedMail parsed = ReplyParser.parse((MimeMessage) inbox[0]);
        assertThat(parsed)
                .isInstanceOfSatisfying(
                        ParsedMail.Reply.class,
                        reply -> assertThat(reply.tokens()).containsExactly("k3mp9xq2abcdefgh"));
        assertThat(MailServer.withoutSubaddress(plus)).isEqualTo(BOT);
        assertThat(MailServer.withoutSubaddress(AMRANI)).isEqualTo(AMRANI);
    }

    @Test
    @DisplayName("GIVEN a subject that already starts with Re: WHEN replied to THEN it gets no second Re:")
    void noReRe() throws MessagingException {
        sendAsBot(checkin("RE: re:Uitje vrijdag"));

        mail.sendReply(AMRANI, mail.mailboxOf(AMRANI).get(0), "Goed!");

        assertThat(mail.mailboxOf(BOT)).extracting(Mail::subject).containsExactly("Re: Uitje vrijdag");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Op ma 7 dec. 2026 om 10:00 schreef Groep 5 <groep5@school.example>:",
                "On Mon, 7 Dec 2026 at 10:00, Groep 5 <groep5@school.example> wrote:",
                "في الاثنين 7 ديسمبر 2026، كتب Groep 5 <groep5@school.example>:"
            })
    @DisplayName("GIVEN a reply typed above the quote a mail program makes WHEN the bot's reply parser reads it "
            + "over IMAP THEN only the typed words come out")
    void parserReadsOnlyTheTypedWords(String attribution) throws Exception {
        sendAsBot(checkin("Check-in week 49 [abcdefgh23]"));
        Mail original = mail.mailboxOf(AMRANI).get(0);
        String typed = "1. Ja\n2. Met z'n tweeën";
        String body = typed + mail.quote(original, attribution);
        assertThat(body).startsWith(typed + "\n\n" + attribution + "\n> ");

        mail.sendReply(AMRANI, original, body);

        // As the bot reads it: ImapInbox hands the mail to ReceivedMail, which calls the parser.
        ParsedMail parsed = ReplyParser.parse((MimeMessage) botInbox()[0]);
        assertThat(parsed).isInstanceOfSatisfying(ParsedMail.Reply.class, reply -> {
            assertThat(reply.fromAddress()).isEqualTo(AMRANI);
            assertThat(reply.referencedMessageIds()).containsExactly(ORIGINAL_ID, EARLIER_ID);
            assertThat(reply.subjectToken()).contains("abcdefgh23");
            assertThat(reply.text()).isEqualTo(typed);
            assertThat(reply.numbered())
                    .containsExactly(java.util.Map.entry(1, "Ja"), java.util.Map.entry(2, "Met z'n tweeën"));
            assertThat(reply.unnumbered()).isEmpty();
        });
    }

    @Test
    @DisplayName("quote: two empty lines, the attribution, then each line quoted and a blank line as \">\"")
    void quoteShape() throws MessagingException {
        sendAsBot(checkin("Vraag"));
        Mail original = mail.mailboxOf(AMRANI).get(0);

        assertThat(mail.quote(original, "Op 7 dec. schreef Groep 5:"))
                .isEqualTo("\n\nOp 7 dec. schreef Groep 5:\n> Beste ouder,\n>\n> 1. Komt u naar het kerstdiner?\n"
                        + "> 2. Met hoeveel personen?");
    }

    @Test
    @DisplayName("GIVEN an original whose subject, sender name and ids carry CR LF WHEN replied to "
            + "THEN the reply's headers stay single lines and it goes to the bot only")
    void noHeaderInjection() throws Exception {
        sendRaw(
                AMRANI,
                String.join(
                        "\r\n",
                        "From: =?UTF-8?Q?Groep_5=0D=0ABcc=3A_evil=40attacker.example?= <" + BOT + ">",
                        "Reply-To: " + BOT,
                        "To: " + AMRANI,
                        "Subject: =?UTF-8?Q?Uitje=0D=0ABcc:_evil@attacker.example=0D=0AX-Evil:_1?=",
                        "Date: Mon, 7 Dec 2026 10:00:00 +0100",
                        "Message-ID: " + ORIGINAL_ID,
                        "References: " + EARLIER_ID,
                        "\tBcc: evil@attacker.example",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=UTF-8",
                        "",
                        "Komt u?",
                        ""));
        Mail original = mail.mailboxOf(AMRANI).get(0);
        assertThat(original.subject()).as("the test's premise").contains("\r\nBcc:");
        assertThat(original.from()).contains("\r\nBcc:");

        mail.sendReply(AMRANI, original, "Ja.");

        assertThat(mail.received()).isEqualTo(2);
        assertThat(mail.mailboxOf("evil@attacker.example")).isEmpty();
        MimeMessage reply = (MimeMessage) botInbox()[0];
        assertThat(reply.getAllRecipients()).containsExactly(new InternetAddress(BOT));
        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(reply.getHeader("X-Evil")).isNull();
        assertThat(reply.getSubject()).isEqualTo("Re: Uitje Bcc: evil@attacker.example X-Evil: 1");
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(reply.getAllHeaders())) {
            names.add(header.getName().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(names).doesNotContain("bcc", "x-evil");
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(ORIGINAL_ID);
        assertThat(MimeUtility.unfold(reply.getHeader("References", " "))).isEqualTo(EARLIER_ID + " " + ORIGINAL_ID);
    }

    @Test
    @DisplayName("a reply body over 100 KB is refused (counted in UTF-8 bytes); one of exactly 100 KB is sent")
    void bodyLimit() throws MessagingException {
        sendAsBot(checkin("Vraag"));
        Mail original = mail.mailboxOf(AMRANI).get(0);

        assertThatThrownBy(() -> mail.sendReply(AMRANI, original, "x".repeat(100 * 1024 + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("102401 bytes")
                .hasMessageContaining("at most 102400");
        // 51,201 Arabic letters are fewer than 100 K characters but 102,402 bytes.
        assertThatThrownBy(() -> mail.sendReply(AMRANI, original, "ب".repeat(51_201)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(mail.received()).isEqualTo(1);

        mail.sendReply(AMRANI, original, "x".repeat(100 * 1024));
        assertThat(mail.received()).isEqualTo(2);
    }

    @Test
    @DisplayName("a reply to a mail without Message-ID is refused: the bot could not tell what it answers")
    void noMessageId() {
        sendRaw(AMRANI, String.join("\r\n", "From: " + BOT, "To: " + AMRANI, "Subject: Zonder id", "", "Hallo", ""));
        Mail original = mail.mailboxOf(AMRANI).get(0);
        assertThat(original.messageId()).isEmpty();

        assertThatThrownBy(() -> mail.sendReply(AMRANI, original, "Hoi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Message-ID");
        assertThat(mail.received()).isEqualTo(1);
    }

    @Test
    @DisplayName("GIVEN malformed mails in the server WHEN the mailbox is opened THEN it does not throw "
            + "and shows what can be read of each")
    void malformedMail() throws MessagingException {
        sendRaw(
                JANSEN,
                String.join(
                        "\r\n",
                        "From: " + BOT,
                        "To: " + JANSEN,
                        "Subject: geen grens",
                        "Message-ID: <broken.1@school.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/alternative; boundary=\"er-is-geen\"",
                        "",
                        "Tekst zonder enige grens.",
                        ""));
        sendRaw(
                JANSEN,
                String.join(
                        "\r\n",
                        "From: " + BOT,
                        "To: " + JANSEN,
                        "Subject: kapot base64",
                        "Message-ID: <broken.2@school.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=utf-8",
                        "Content-Transfer-Encoding: base64",
                        "",
                        "!!!dit=is=geen=base64***",
                        ""));
        sendRaw(
                JANSEN,
                String.join(
                        "\r\n",
                        "From: <<<@@@",
                        "To: " + JANSEN + ", <kapot",
                        "Subject: =?x-klingon?Q?qapla=27?=",
                        "Date: gisteren ergens",
                        "Message-ID: <broken.3@school.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=\"utf-8",
                        "Content-Transfer-Encoding: x-onbekend",
                        "Content-Language:",
                        "",
                        "Wat hier staat.",
                        ""));
        sendRaw(
                JANSEN,
                String.join(
                        "\r\n",
                        "From: " + BOT,
                        "To: " + JANSEN,
                        "Subject: onbekende tekenset",
                        "Message-ID: <broken.4@school.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/mixed; boundary=b",
                        "",
                        "--b",
                        "Content-Type: text/plain; charset=x-onbekend",
                        "",
                        "Goed leesbaar.",
                        "--b",
                        "Content-Type: multipart/alternative",
                        "",
                        "een deel zonder grens",
                        ""));
        sendAsBot(checkin("Daarna gewoon"));

        List<Mail> box = mail.mailboxOf(JANSEN);

        assertThat(box)
                .extracting(Mail::messageId)
                .containsExactly(
                        "<broken.1@school.example>",
                        "<broken.2@school.example>",
                        "<broken.3@school.example>",
                        "<broken.4@school.example>",
                        ORIGINAL_ID);
        assertThat(box.get(0).plain()).contains("Tekst zonder enige grens.");
        assertThat(box.get(1).plain()).isNotNull();
        assertThat(box.get(2).fromAddress()).isEmpty();
        assertThat(box.get(2).plain()).contains("Wat hier staat.");
        assertThat(box.get(2).language()).isEmpty();
        assertThat(box.get(3).plain()).isEqualTo("Goed leesbaar.");
        assertThat(box.get(4).subject()).isEqualTo("Daarna gewoon");
        assertThat(mail.find(JANSEN, box.get(2).id())).contains(box.get(2));
    }

    // ---- Helpers ----

    /** A check-in as the bot sends it, to the Amrani family and Jansen. */
    private MimeMessage checkin(String subject) throws MessagingException {
        MimeMessage message = fromBot(subject, ORIGINAL_ID, AMRANI + ", " + JANSEN);
        message.setContent(alternative(
                "Beste ouder,\n\n1. Komt u naar het kerstdiner?\n2. Met hoeveel personen?\n",
                "<p>Beste ouder,</p><ol><li>Komt u naar het kerstdiner?</li><li>Met hoeveel personen?</li></ol>"));
        return message;
    }

    /** A mail with the headers the bot's SmtpSender sets; content still to be added. */
    private static MimeMessage fromBot(String subject, String messageId, String to) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("Groep 5 <" + BOT + ">"));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(BOT)});
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(java.util.Date.from(Instant.parse("2026-12-07T09:00:00Z")));
        message.setHeader("References", EARLIER_ID);
        return message;
    }

    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        return alternative;
    }

    /** Sends as the bot does: one SMTP connection, logged in with the bot's throwaway password. */
    private void sendAsBot(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.auth", "true");
        properties.setProperty("mail.smtp.localhost", "localhost");
        Transport transport = Session.getInstance(properties).getTransport("smtp");
        try {
            transport.connect("127.0.0.1", mail.smtpPort(), mail.botLogin(), mail.botPassword());
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    /** Sends the bytes as they are (no header added or fixed), to {@code recipient}. */
    private void sendRaw(String recipient, String raw) {
        try {
            Properties properties = new Properties();
            // The envelope sender, so that Jakarta Mail does not read it from a From that may be broken.
            properties.setProperty("mail.smtp.from", BOT);
            Session session = Session.getInstance(properties);
            MimeMessage message =
                    new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            Transport transport = session.getTransport("smtp");
            try {
                transport.connect("127.0.0.1", mail.smtpPort(), null, null);
                transport.sendMessage(message, new InternetAddress[] {new InternetAddress(recipient)});
            } finally {
                transport.close();
            }
        } catch (MessagingException e) {
            throw new AssertionError("the local server refused the raw mail", e);
        }
    }

    /** The bot's INBOX over real IMAP, as the bot's ImapInbox opens it (security none). */
    private Message[] botInbox() throws MessagingException {
        if (imap == null) {
            imap = Session.getInstance(new Properties()).getStore("imap");
            imap.connect("127.0.0.1", mail.imapPort(), mail.botLogin(), mail.botPassword());
        }
        Folder inbox = imap.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox.getMessages();
    }
}
