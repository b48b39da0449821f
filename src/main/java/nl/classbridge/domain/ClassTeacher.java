package nl.classbridge.domain;

import java.time.Instant;

/**
 * A teacher of one class: who may read its answers and act for it. Being a teacher on the server
 * (the teacher role, or Manage Server) is not enough; one must be a teacher of the class.
 *
 * @param name the teacher's Discord name when they were added, for the class's own list
 */
public record ClassTeacher(
        long classId, long userId, String name, TeacherRole role, long addedByUserId, Instant addedAt) {

    public boolean owner() {
        return role == TeacherRole.OWNER;
    }
}
