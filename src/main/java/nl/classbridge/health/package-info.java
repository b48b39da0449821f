/**
 * Whether the bot is well, for the person who runs it: {@link nl.classbridge.health.Pulse} collects
 * what the running parts report (Discord's connection, the last look in the mailbox, the scheduled
 * jobs), {@link nl.classbridge.health.HealthCheck} adds the outbox, failures and the database, and
 * says what needs attention. {@code classbridge status} reads it from another process through the
 * heartbeat the bot stores; the loopback endpoint ({@code ops.port}) from the running bot itself.
 * Counts, codes, states and times only: nothing here may name a family.
 */
package nl.classbridge.health;
