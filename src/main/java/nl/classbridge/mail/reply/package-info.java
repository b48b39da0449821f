/**
 * Reading an email a family sent back: {@link nl.classbridge.mail.reply.ReplyParser} tells a
 * reply from an out-of-office mail or a bounce, and takes from a reply only the parent's own
 * words (no quoted questionnaire, signature or forwarded original) and the answers by question
 * number. Pure code: no network, no store, and nothing from a mail is ever logged.
 *
 * <p>Matching a reply to a round and a guardian, and checking each answer against its question
 * ({@link nl.classbridge.checkin.questionnaire.Question#check(String)}), happen elsewhere.
 */
package nl.classbridge.mail.reply;
