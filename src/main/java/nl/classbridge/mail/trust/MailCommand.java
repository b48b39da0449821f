package nl.classbridge.mail.trust;

import java.util.Optional;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.ReplyToken;

/**
 * Something a family asks for by email rather than answers: a keyword from the footer of every
 * mail ({@code privacy.FamilyKeywords}), such as seeing their data. {@link ReceivedMail} offers
 * each verified reply to its commands in turn, after STOP and before treating it as an answer;
 * an unverified mail never reaches a command, so a forged request changes nothing.
 */
public interface MailCommand {
    /**
     * Handles the reply when its words are this command's.
     *
     * @param guardian the family, verified by its reply token and address
     * @param token    the reply token the mail carried
     * @param words    the family's own words (quotes and signature removed)
     * @return an outcome code for the record (never content), or empty when the words are not this
     *     command's
     */
    Optional<String> handle(Guardian guardian, ReplyToken token, String words);
}
