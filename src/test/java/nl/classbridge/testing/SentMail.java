package nl.classbridge.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
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
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(recipient -> ((InternetAddress) recipient)
                                                .getAddress()
                                                .equals(address))
                                && message.getSubject().contains(subjectPart);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .findFirst();
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
