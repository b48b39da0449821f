package nl.classbridge.config;

/**
 * Scheduled class updates.
 *
 * @param catchUpHours after the bot was down, an update missed at most this many hours ago is
 *                     still posted; older ones are skipped so parents do not get stale news (0 = never)
 */
public record Updates(int catchUpHours) {}
