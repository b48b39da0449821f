/**
 * The one path out. Every channel post, DM and email is a row in the outbox ({@link
 * nl.classbridge.delivery.Outbox}) before it is sent; the {@link nl.classbridge.delivery.Dispatcher}
 * sends each row once through the {@link nl.classbridge.delivery.Sender} of its channel and records
 * the outcome: retries with backoff, paced bulk DMs, the hand-off from Discord to email, quiet hours.
 *
 * <p><b>The rule.</b> Every new message to a family or a teacher is one of two things:
 * <ol>
 *   <li>the response to that person's own interaction (a button, a menu, a form or a slash command
 *       they used): the reply, or the message they pressed updated in place, sent by the Discord
 *       adapter on the interaction itself; or</li>
 *   <li>an outbox row, whatever the reason: a greeting, a reminder, an email, a class update, a notice
 *       to the teacher, and also the DMs of a conversation where there is nothing to respond to. A
 *       message someone types in a DM is not an interaction, so the next question after a typed
 *       answer, the bot's answer to a typed message and the next child's greeting after Done are
 *       outbox rows too, marked {@link nl.classbridge.delivery.OutgoingMessage#inConversation()}:
 *       they go out at once, first on their channel, and are not held for quiet hours, because the
 *       person is there waiting for them.</li>
 * </ol>
 * Nothing else sends: no adapter writes a DM or a mail on its own. {@code discord.OnePathOutTest}
 * checks it at the local Discord server: every message the bot makes in a DM carries either the
 * interaction it answers or the nonce of an outbox row.
 *
 * <p>Nothing here knows Discord or SMTP: the adapters implement {@code Sender}, the features
 * implement {@link nl.classbridge.delivery.HandOff}, the teacher's notices are
 * {@link nl.classbridge.delivery.TeacherNotice}. Dedupe keys come from {@link
 * nl.classbridge.delivery.DedupeKeys}, one place for all of them.
 */
package nl.classbridge.delivery;
