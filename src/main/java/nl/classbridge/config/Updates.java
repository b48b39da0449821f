package nl.classbridge.config;

import java.time.LocalTime;

/**
 * Scheduled class updates.
 *
 * @param catchUpHours after the bot was down, an update missed at most this many hours ago is
 *                     still posted; older ones are skipped so parents do not get stale news (0 = never)
 * @param reminderTime the day before an update with nothing queued, the teacher is asked for a
 *                     highlight at this local time
 */
public record Updates(int catchUpHours, LocalTime reminderTime) {}
