package nl.classbridge.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import nl.classbridge.config.Mail;
import nl.classbridge.config.MailSecurity;
import nl.classbridge.config.ReplyTokenPlace;
import nl.classbridge.config.Secret;
import nl.classbridge.config.Smtp;
import nl.classbridge.delivery.SendResult;
import nl.classbridge.delivery.Sender;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.store.DeliveryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's emails over SMTP: one connection, opened when the first mail is due and kept
 * for the ones after it (checked before each mail, opened again when the server dropped it).
 *
 * <p>Each mail is multipart/alternative (plain text and HTML, both UTF-8) with Reply-To the bot's
 * mailbox, {@code Auto-Submitted: auto-generated} so auto-responders stay quiet, a
 * {@code List-Unsubscribe} mailto and a Message-ID stored with the delivery <em>before</em> it is
 * sent: a re-send after a crash carries the same id. A mail with a reply token carries it at the
 * end of its subject ({@code [token]}) and, with {@code mail.reply-token: plus-address}, in its
 * Reply-To and List-Unsubscribe as {@code bot+token@school.nl}: a reply, and a STOP, can then be
 * tied to the family it was sent to.
 *
 * <p>Outcomes: a permanent refusal of the recipient (5xx) makes the family unreachable by email;
 * 4xx, an unreachable server and a failed login are retried from the outbox, and the last two
 * rest the email lane for {@link SmtpOutcome#PAUSE_WHEN_DOWN} so a batch does not try each mail
 * against a dead server. A login failure never marks families: it is the school's to fix.
 *
 * <p>Used by the dispatcher's one thread; the methods are synchronized so {@link #close()} from a
 * shutdown hook is safe.
 */
public final class SmtpSender implements Sender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    /** Connect, read and write timeouts: a hanging server must not hold the dispatcher for long. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Whether one connection carries many mails (production) or each mail opens its own (benchmark). */
    enum Connections {
        REUSE,
        PER_MESSAGE
    }

    private final Smtp smtp;
    private final EmailComposer composer;
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final Connections connections;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final String messageIdDomain;
    private final ReplyTokenPlace tokenPlace;
    private final SecureRandom random = new SecureRandom();
    private Transport transport;

    /**
     * @throws IllegalArgumentException when SMTP is configured but {@code mail.from} or
     *                                  {@code mail.reply-to} is not one address
     */
    public SmtpSender(Mail mail, EmailComposer composer, DeliveryRepository deliveries, Clock clock) {
        this(mail, composer, deliveries, clock, Connections.REUSE);
    }

    SmtpSender(Mail mail, EmailComposer composer, DeliveryRepository deliveries, Clock clock, Connections connections) {
        this.smtp = mail.smtp();
        this.composer = Objects.requireNonNull(composer, "composer");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.session = Session.getInstance(properties(smtp));
        this.tokenPlace = mail.replyToken();
        if (smtp.configured()) {
            this.from = configuredAddress("mail.from", mail.from());
            this.replyTo = mail.replyTo().isBlank() ? from : configuredAddress("mail.reply-to", mail.replyTo());
            this.messageIdDomain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        } else {
            this.from = null;
            this.replyTo = null;
            this.messageIdDomain = null;
        }
    }

    /**
     * Whether an SMTP server is configured. When not, the runtime registers no email sender and
     * emails wait in the outbox until it is.
     */
    public boolean configured() {
        return smtp.configured();
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public synchronized SendResult send(Delivery delivery) {
        if (!configured()) {
            return SendResult.retryLater("smtp-not-configured");
        }
        Optional<ComposedEmail> composed;
        try {
            composed = composer.compose(delivery);
        } catch (IllegalArgumentException e) {
            // A header with a line break, a Message-ID that is none: a bug in the feature, not in the mail server.
            LOG.error(
                    "email delivery {} could not be composed: {}",
                    delivery.id(),
                    e.getClass().getName());
            return new SendResult.Failed("compose-invalid");
        }
        if (composed.isEmpty()) {
            return new SendResult.Failed("nothing-to-send");
        }
        Optional<InternetAddress> to = recipient(composed.get().to());
        if (to.isEmpty()) {
            return new SendResult.Unreachable("address-invalid");
        }
        String messageId =
                delivery.externalId().filter(ComposedEmail::isMessageId).orElseGet(() -> newMessageId(delivery.id()));
        MimeMessage message;
        try {
            message = message(composed.get(), to.get(), messageId);
        } catch (MessagingException e) {
            LOG.error(
                    "email delivery {} could not be built: {}",
                    delivery.id(),
                    e.getClass().getName());
            return new SendResult.Failed("message-invalid");
        }
        if (delivery.externalId().filter(messageId::equals).isEmpty()) {
            deliveries.setExternalId(delivery.id(), messageId);
        }
        return transmit(delivery, message, messageId);
    }

    /** Closes the connection, if one is open; a later send opens a new one. */
    @Override
    public synchronized void close() {
        dropConnection();
    }

    private SendResult transmit(Delivery delivery, MimeMessage message, String messageId) {
        try {
            Transport connected = connection();
            connected.sendMessage(message, message.getAllRecipients());
            return SendResult.sent(messageId);
        } catch (MessagingException e) {
            SmtpOutcome outcome = SmtpOutcome.of(e);
            if (!outcome.keepConnection()) {
                dropConnection();
            }
            // The exception's text can hold the address or the server's echo of it: the code is enough.
            LOG.warn("email delivery {} not sent: {}", delivery.id(), reason(outcome.result()));
            return outcome.result();
        } catch (RuntimeException e) {
            dropConnection();
            throw e;
        } finally {
            if (connections == Connections.PER_MESSAGE) {
                dropConnection();
            }
        }
    }

    /** The open connection, or a new one when there is none or the server dropped it. */
    private Transport connection() throws MessagingException {
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        dropConnection();
        Transport opened = session.getTransport("smtp");
        String host = smtp.host().orElseThrow();
        if (smtp.username().isBlank()) {
            opened.connect(host, smtp.port(), null, null);
        } else {
            opened.connect(
                    host,
                    smtp.port(),
                    smtp.username(),
                    smtp.password().map(Secret::reveal).orElse(null));
        }
        transport = opened;
        LOG.debug("SMTP connection opened");
        return opened;
    }

    private void dropConnection() {
        Transport open = transport;
        transport = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException | RuntimeException e) {
                // Already gone: nothing to close, nothing lost.
                LOG.debug("closing the SMTP connection failed: {}", e.getClass().getName());
            }
        }
    }

    private MimeMessage message(ComposedEmail email, InternetAddress to, String messageId) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId);
        InternetAddress replies = email.replyToken()
                .filter(token -> tokenPlace == ReplyTokenPlace.PLUS_ADDRESS)
                .map(this::plusAddress)
                .orElse(replyTo);
        message.setFrom(from);
        message.setReplyTo(new Address[] {replies});
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(
                email.replyToken()
                        .map(token -> withToken(email.subject(), token))
                        .orElse(email.subject()),
                "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setContentLanguage(new String[] {email.language()});
        message.setHeader("Auto-Submitted", "auto-generated");
        // Outlook and Exchange: no out-of-office answers; bounces (NDRs) are still wanted.
        message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
        // The token goes along, so a STOP through the mail program's unsubscribe button counts too.
        String stopSubject = email.replyToken()
                .filter(token -> tokenPlace == ReplyTokenPlace.SUBJECT)
                .map(token -> "STOP%20%5B" + token + "%5D")
                .orElse("STOP");
        message.setHeader("List-Unsubscribe", "<mailto:" + replies.getAddress() + "?subject=" + stopSubject + ">");
        if (email.inReplyTo().isPresent()) {
            message.setHeader("In-Reply-To", email.inReplyTo().get());
        }
        if (!email.references().isEmpty()) {
            message.setHeader(
                    "References", MimeUtility.fold("References: ".length(), String.join(" ", email.references())));
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        if (email.attachments().isEmpty()) {
            message.setContent(alternative);
        } else {
            // The text first, then the files: multipart/mixed, as every mail program expects them.
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (ComposedEmail.Attachment attachment : email.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(attachment.content(), attachment.mediaType())));
                file.setFileName(attachment.fileName());
                file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** The reply-to address with the token as its plus part: {@code bot+token@school.nl}. */
    private InternetAddress plusAddress(String token) {
        String bare = replyTo.getAddress();
        int at = bare.lastIndexOf('@');
        try {
            InternetAddress plus = new InternetAddress(bare.substring(0, at) + "+" + token + bare.substring(at), true);
            plus.setPersonal(replyTo.getPersonal(), "UTF-8");
            return plus;
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the reply token does not make an address", e);
        }
    }

    /** The subject with " [token]" at its end, once. */
    static String withToken(String subject, String token) {
        String marker = "[" + token + "]";
        return subject.contains(marker) ? subject : subject + " " + marker;
    }

    /** Exactly one address, or empty: what the family gave may be mistyped. */
    private static Optional<InternetAddress> recipient(String text) {
        // Only the address travels: a display name from a parent's input stays out of the header.
        return EmailAddress.Named.parse(text).map(named -> internet(named.address(), Optional.empty()));
    }

    private static InternetAddress configuredAddress(String key, String text) {
        ComposedEmail.singleLine(key, text);
        EmailAddress.Named named = EmailAddress.Named.parse(text)
                .orElseThrow(() -> new IllegalArgumentException(key + " is not an email address"));
        return internet(named.address(), named.name());
    }

    /** A checked address as Jakarta Mail takes it, with the name encoded for the header if one is given. */
    private static InternetAddress internet(EmailAddress address, Optional<String> name) {
        try {
            return new InternetAddress(address.toString(), name.orElse(null), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always there", e);
        }
    }

    private String newMessageId(long deliveryId) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "<delivery-" + deliveryId + "." + HexFormat.of().formatHex(bytes) + "@" + messageIdDomain + ">";
    }

    private static String reason(SendResult result) {
        if (result instanceof SendResult.RetryLater retry) {
            return retry.reason();
        }
        if (result instanceof SendResult.Unreachable unreachable) {
            return unreachable.reason();
        }
        if (result instanceof SendResult.Failed failed) {
            return failed.reason();
        }
        return "sent";
    }

    static Properties properties(Smtp smtp) {
        Properties props = new Properties();
        smtp.host().ifPresent(host -> props.setProperty("mail.smtp.host", host));
        props.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        props.setProperty("mail.smtp.auth", Boolean.toString(!smtp.username().isBlank()));
        String millis = Long.toString(TIMEOUT.toMillis());
        props.setProperty("mail.smtp.connectiontimeout", millis);
        props.setProperty("mail.smtp.timeout", millis);
        props.setProperty("mail.smtp.writetimeout", millis);
        if (smtp.security() == MailSecurity.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        } else if (smtp.security() == MailSecurity.SSL) {
            props.setProperty("mail.smtp.ssl.enable", "true");
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return props;
    }
}
