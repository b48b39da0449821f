/**
 * The one path out. Every channel post, DM and email is a row in the outbox ({@link
 * nl.classbridge.delivery.Outbox}) before it is sent; the {@link nl.classbridge.delivery.Dispatcher}
 * sends each row once through the {@link nl.classbridge.delivery.Sender} of its channel and records
 * the outcome: retries with backoff, paced bulk DMs, the hand-off from Discord to email, quiet hours.
 *
 * <p>Nothing here knows Discord or SMTP: the adapters implement {@code Sender}, the features
 * implement {@link nl.classbridge.delivery.HandOff}, the Discord side implements
 * {@link nl.classbridge.delivery.TeacherNotice}.
 */
package nl.classbridge.delivery;
