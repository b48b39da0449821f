/**
 * Which received email may change anything: {@link nl.classbridge.mail.trust.ReceivedMail} reads
 * every mail in the bot's mailbox and lets only a verified reply through (the family's reply
 * token, from the family's own address, not failed by the school's mail server). Everything else,
 * forged replies, STOPs and bounces included, changes nothing and reaches the teacher of the child
 * it claims to be about as a private note with the mail's words, so nothing a family writes is
 * lost and nothing a stranger writes is stored.
 *
 * <p>Nothing of a mail is logged here: outcomes are codes and mails are named by their UID.
 */
package nl.classbridge.mail.trust;
