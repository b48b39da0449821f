/**
 * Faults the local servers inject for tests, shared by the local Discord server
 * ({@code sandbox.discord}) and the local mail server: a {@link nl.classbridge.sandbox.faults.Hold}
 * keeps the answer to one request back, so a test can stop the bot in the moment the other side has
 * a message and the bot does not know yet. Its own package, so neither server depends on the
 * sandbox's start-up, which depends on both.
 */
package nl.classbridge.sandbox.faults;
