/**
 * Email with families: the SMTP side that sends the outbox's email rows ({@link
 * nl.classbridge.mail.SmtpSender}) and the shape a feature renders an email into ({@link
 * nl.classbridge.mail.ComposedEmail}, {@link nl.classbridge.mail.EmailComposer}). Reading replies
 * lives in {@code nl.classbridge.mail.reply}.
 *
 * <p>Only this package knows Jakarta Mail. Logs carry delivery ids and reason codes, never
 * addresses, subjects or bodies.
 */
package nl.classbridge.mail;
