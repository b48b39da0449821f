/**
 * Agreeing and aligning again: what teacher and family agree after a conversation (who does what,
 * and when they align again), each guardian's confirmation in their own words, the align-again
 * reminders, and the class overview of where each family stands. Part of the core: it knows no
 * Discord, mail or web library; the adapters render what it composes.
 *
 * <p>Agreements and confirmations are for the class's teachers and that child's guardians only:
 * never in a channel, never in a log.
 */
package nl.classbridge.agreements;
