/**
 * Email with families: the SMTP side that sends the outbox's email rows ({@link
 * nl.classbridge.mail.SmtpSender}) and the shape a feature renders an email into ({@link
 * nl.classbridge.mail.ComposedEmail}, {@link nl.classbridge.mail.EmailComposer}) with the family's
 * reply token ({@link nl.classbridge.mail.ReplyTokens}), rendered from the core's structured
 * {@code messages.EmailText} by {@link nl.classbridge.mail.MailText}: one subject line, the
 * plain part, and the HTML part from the same structure. Reading the mailbox lives in
 * {@code nl.classbridge.mail.inbox}, reading one mail in {@code nl.classbridge.mail.reply}, and
 * deciding what a received mail may change in {@code nl.classbridge.mail.trust}.
 *
 * <p>Only this package knows Jakarta Mail. Logs carry delivery ids and reason codes, never
 * addresses, subjects or bodies.
 */
package nl.classbridge.mail;
