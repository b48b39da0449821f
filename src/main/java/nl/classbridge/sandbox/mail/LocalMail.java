package nl.classbridge.sandbox.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * The sandbox's mail server: GreenMail's real SMTP and IMAP servers on 127.0.0.1, free ports, one
 * mailbox for the bot, and what the sandbox page needs to play the mail program of the families
 * that only have email.
 *
 * <p>{@link #start(String, Clock)} it with the bot's address, then give the bot {@link #smtpPort()},
 * {@link #imapPort()}, {@link #botLogin()} and {@link #botPassword()} through its normal
 * {@code mail.*} settings (host 127.0.0.1, security none). Every mail the bot sends lands here, for
 * any address: a family's mailbox is made when its first mail arrives. The page lists a family's
 * mails with {@link #mailboxOf(String)}, opens one with {@link #find(String, String)}, pre-fills the
 * answer with {@link #quote(Mail, String)} and sends it with {@link #sendReply(String, Mail, String)},
 * over SMTP to the bot's mailbox, where the bot reads it over IMAP as it would at a real school.
 * {@link #received()} goes up with each mail, so the page can tell that something arrived.
 *
 * <p>Safe to use from several threads (the page's requests and the server's own).
 *
 * <p>The work is split over this package: {@code MailServer} is GreenMail with the count and the
 * mailboxes made on delivery, {@code StoredMail} reads one stored mail into a {@link Mail} (its
 * text by {@code MailText}), {@code FamilyReply} writes a reply as a mail program does, and
 * {@code Addresses} checks and reads addresses.
 */
public final class LocalMail implements AutoCloseable {
    /**
     * Loopback only: the servers accept mail for any address and the bot's password is a local
     * throwaway, so nothing outside this machine may reach them.
     */
    public static final String HOST = "127.0.0.1";
    /** The largest reply body the page may send, in UTF-8 bytes: a typed answer, not an upload. */
    public static final int MAX_REPLY_BYTES = 100 * 1024;
    /** For starting the servers and for each SMTP step: generous, for a busy laptop or CI machine. */
    static final int TIMEOUT_MILLIS = 10_000;
    /** The random bytes in each mailbox's password. */
    static final int PASSWORD_BYTES = 18;

    private final MailServer server;
    private final Clock clock;
    private final String botAddress;
    private final String botPassword;
    private final SecureRandom random;
    private final Session session;
    /** What was read of each stored message, so the page does not parse every mail at every look. */
    private final Map<MimeMessage, StoredMail> alreadyRead = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * One received mail, as the page shows it.
     *
     * @param id          stable for this mail as long as the server runs, safe in a URL path (16 hex digits)
     * @param from        the sender as a mail program shows it, e.g. {@code Groep 5 <groep5@school.example>}
     * @param fromAddress the sender's bare address; "" when the mail has no readable From
     * @param to          the addresses in To
     * @param replyTo     where a reply goes: the Reply-To address, else {@code fromAddress}
     * @param subject     decoded; "" when there is none
     * @param sentAt      the Date header, else when the server received the mail
     * @param messageId   the Message-ID as in the header ({@code <left@right>}); "" when there is none
     * @param references  the References header, unfolded; "" when there is none
     * @param plain       the text/plain part, or the text of the HTML part when there is no plain one;
     *                    lines end in {@code \n}
     * @param html        the text/html part, when there is one, as received: untrusted, so sanitize it
     *                    (or show it in a sandboxed frame) before it goes on a page
     * @param language    the first language of Content-Language, when the mail says it
     */
    public record Mail(
            String id,
            String from,
            String fromAddress,
            List<String> to,
            String replyTo,
            String subject,
            Instant sentAt,
            String messageId,
            String references,
            String plain,
            Optional<String> html,
            Optional<String> language) {

        public Mail {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(fromAddress, "fromAddress");
            to = List.copyOf(to);
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(sentAt, "sentAt");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(references, "references");
            Objects.requireNonNull(plain, "plain");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(language, "language");
        }
    }

    private LocalMail(MailServer server, Clock clock, String botAddress, String botPassword, SecureRandom random) {
        this.server = server;
        this.clock = clock;
        this.botAddress = botAddress;
        this.botPassword = botPassword;
        this.random = random;
        Properties properties = new Properties();
        String timeout = Integer.toString(TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        // Without it Jakarta Mail looks up this machine's name for EHLO, which can hang on a laptop without DNS.
        properties.setProperty("mail.smtp.localhost", "localhost");
        this.session = Session.getInstance(properties);
    }

    /**
     * Starts the SMTP and IMAP servers on free loopback ports and makes the bot's mailbox.
     *
     * @param botAddress the bot's address; its IMAP login is the same address
     * @param clock      the sandbox's clock (it may run ahead of real time): the Date of the families' replies
     * @throws IllegalArgumentException when {@code botAddress} is not one address with a domain
     * @throws IllegalStateException    when the servers do not start
     */
    public static LocalMail start(String botAddress, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String bot = Addresses.single("botAddress", botAddress);
        SecureRandom random = new SecureRandom();
        String password = randomHex(random, PASSWORD_BYTES);
        MailServer server = new MailServer(random);
        server.startWithBot(bot, password);
        return new LocalMail(server, clock, bot, password, random);
    }

    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    public int imapPort() {
        return server.getImap().getPort();
    }

    public String botAddress() {
        return botAddress;
    }

    /** The bot's IMAP (and, if it wants, SMTP) login: its address. */
    public String botLogin() {
        return botAddress;
    }

    /** A random password made at start, good for this server only. */
    public String botPassword() {
        return botPassword;
    }

    /** How many mails the SMTP server accepted since start; a mail to two addresses counts once. */
    public long received() {
        return server.accepted.get();
    }

    /**
     * Every received mail whose To or Cc holds {@code address} (any case), oldest first. A mail
     * that cannot be fully read is shown with what can be read, and never makes this throw.
     */
    public List<Mail> mailboxOf(String address) {
        String wanted = Objects.requireNonNull(address, "address").strip().toLowerCase(Locale.ROOT);
        List<StoredMail> found = new ArrayList<>();
        for (MimeMessage stored : server.getReceivedMessages()) {
            StoredMail each = read(stored);
            if (each != null && each.recipients().contains(wanted)) {
                found.add(each);
            }
        }
        // The server keeps a copy in each recipient's mailbox: show one.
        found.sort(Comparator.comparing(StoredMail::receivedAt));
        Map<String, Mail> unique = new LinkedHashMap<>();
        for (StoredMail each : found) {
            unique.putIfAbsent(each.mail().id(), each.mail());
        }
        return List.copyOf(unique.values());
    }

    /** The stored message as read, from the cache or read now; null when not even its bytes can be had. */
    private StoredMail read(MimeMessage stored) {
        StoredMail known = alreadyRead.get(stored);
        if (known != null) {
            return known;
        }
        StoredMail each;
        try {
            each = StoredMail.read(stored);
        } catch (MessagingException | IOException | RuntimeException e) {
            return null; // not one byte of it can be read: nothing to show
        }
        alreadyRead.put(stored, each);
        return each;
    }

    /** The mail with {@code id} in {@code address}'s mailbox. */
    public Optional<Mail> find(String address, String id) {
        Objects.requireNonNull(id, "id");
        return mailboxOf(address).stream().filter(mail -> mail.id().equals(id)).findFirst();
    }

    /**
     * The body a mail program puts in a new reply: two empty lines to type in, the attribution line
     * (made by the caller in the family's language, e.g. "Op 7 dec. 2026 om 10:00 schreef Groep 5
     * &lt;groep5@school.example&gt;:"), then the original's text with each line quoted ("&gt; ", a
     * blank line "&gt;"). The bot's reply parser reads such a quote as not the family's words.
     */
    public String quote(Mail original, String attributionLine) {
        return FamilyReply.quote(original, attributionLine);
    }

    /**
     * Sends {@code body} as a reply to {@code original} over SMTP, the way a mail program does: to
     * the original's Reply-To, subject "Re: ...", In-Reply-To and References pointing at the
     * original, a new Message-ID, Date from the sandbox clock, plain UTF-8 text.
     *
     * @throws IllegalArgumentException when the body is larger than {@link #MAX_REPLY_BYTES}, the
     *                                  original has no Message-ID, or an address is not one address
     * @throws IllegalStateException    when the local server does not take the mail
     */
    public void sendReply(String fromAddress, Mail original, String body) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(body, "body");
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_REPLY_BYTES) {
            throw new IllegalArgumentException(
                    "The reply is " + size + " bytes; at most " + MAX_REPLY_BYTES + " bytes may be sent");
        }
        try {
            transmit(FamilyReply.write(session, fromAddress, original, body, clock, random));
        } catch (MessagingException e) {
            throw new IllegalStateException(
                    "The local mail server did not take the reply: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** Stops both servers; what they held is gone. */
    @Override
    public void close() {
        server.stop();
    }

    private void transmit(MimeMessage reply) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        try {
            transport.connect(HOST, smtpPort(), null, null);
            transport.sendMessage(reply, reply.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    /** {@code count} random bytes as hex, for the passwords and Message-IDs: unguessable, and nobody types them. */
    static String randomHex(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
