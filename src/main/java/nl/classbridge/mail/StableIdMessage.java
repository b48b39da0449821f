package nl.classbridge.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID it was given. Jakarta Mail makes a fresh one on every
 * {@code saveChanges()}; ours is stored with the delivery before sending, so a re-send after a
 * crash carries the same id and the receiving side can see it is the same mail.
 */
final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
