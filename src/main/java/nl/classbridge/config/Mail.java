package nl.classbridge.config;

import java.util.Objects;

/**
 * Email to and from parents who are not (only) on Discord.
 *
 * @param from       the sender address, possibly with a display name; empty when email is not used
 * @param replyTo    where parents' replies go; empty means replies go to {@code from}
 * @param replyToken where each email carries the family's reply token
 * @param smtp       the outgoing server
 * @param imap       the mailbox where parents' replies arrive
 */
public record Mail(String from, String replyTo, ReplyTokenPlace replyToken, Smtp smtp, Imap imap) {

    public Mail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(replyToken, "replyToken");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(imap, "imap");
    }
}
