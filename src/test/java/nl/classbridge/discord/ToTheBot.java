package nl.classbridge.discord;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;
import nl.classbridge.testing.Eventually;

/** Mail sent to the bot's mailbox through GreenMail's real SMTP, and what the bot made of it. */
final class ToTheBot {

    private ToTheBot() {}

    /** {@code raw} as a message, exactly as its bytes are. */
    static MimeMessage message(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** Sends {@code message} to {@code bot} as it is: no header added or fixed. */
    static void send(GreenMailExtension mail, String bot, MimeMessage message) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.localhost", "localhost");
        Transport transport = Session.getInstance(properties).getTransport("smtp");
        try {
            transport.connect("127.0.0.1", mail.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new Address[] {new InternetAddress(bot)});
        } finally {
            transport.close();
        }
    }

    /** Sends {@code message} and waits until the bot has handled one more mail; the outcome it recorded. */
    static String deliver(SchoolOnDiscord school, GreenMailExtension mail, String bot, MimeMessage message)
            throws MessagingException {
        long before = handled(school);
        send(mail, bot, message);
        Eventually.await(
                "the bot to handle mail " + (before + 1), Duration.ofSeconds(60), () -> handled(school) > before);
        return school.inStore(db -> db.read(sql -> sql.one(
                        "SELECT outcome FROM mail_seen ORDER BY uid DESC LIMIT 1", row -> row.string("outcome"))))
                .orElseThrow();
    }

    /** Mails the bot finished with (claimed and done). */
    static long handled(SchoolOnDiscord school) {
        return school.inStore(
                db -> db.read(sql -> sql.count("SELECT COUNT(*) AS n FROM mail_seen WHERE outcome <> 'reading'")));
    }
}
