package nl.classbridge.roster;

import nl.classbridge.domain.Student;

/**
 * What else ends when a family's link to a child ends: their open check-ins about the child, the
 * reminders and the messages still queued for them. The roster calls it inside its own
 * transaction, before the link goes, so nothing is half removed; the check-in side implements it.
 */
@FunctionalInterface
public interface Unlinking {
    void linkEnding(long guardianId, Student student);
}
