/**
 * What the bot writes in its log, and what it never writes there: names, addresses, answers and
 * message texts. Failures are logged by their class, a reason code and their stack frames
 * ({@link nl.classbridge.logs.Failure}); the Logback configuration adds a safety net for what
 * libraries log ({@link nl.classbridge.logs.DiscordDataFilter},
 * {@link nl.classbridge.logs.WithheldMessages}).
 */
package nl.classbridge.logs;
