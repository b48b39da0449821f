package nl.classbridge.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Optional;

/** The mail the bot sent through a test's GreenMail, and a family's reply to it, as a mail program sends one. */
public final class SentMail {
    private SentMail() {}

    /** The first mail to {@code address} whose subject contains {@code subjectPart}, if it arrived. */
    public static Optional<MimeMessage> to(GreenMailExtension mail, String address, String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> isTo(message, address) && subject(message).contains(subjectPart))
                .findFirst();
    }

    /** Whether {@code message} is addressed (To) to {@code address}, in any case. */
    public static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to)
                            .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The subject of {@code message}; "" when it has none or it cannot be read. */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** A reply from {@code from} to {@code bot}, quoting the original's subject and threading under it. */
    public static void reply(GreenMailExtension mail, String from, String bot, MimeMessage original, String body)
            throws MessagingException {
        MimeMessage reply = new MimeMessage(mail.getSmtp().createSession());
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, bot);
        reply.setSubject("Re: " + original.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setText(body, "UTF-8");
        GreenMailUtil.sendMimeMessage(reply);
    }
}
