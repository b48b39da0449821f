package nl.classbridge.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;

/**
 * Who counts as a teacher: a member with the configured teacher role (its name or id), or one who
 * may manage the server. Checked on every teacher command, because server admins can change who
 * sees a command, and Discord's default permission is only a default.
 */
public final class TeacherCheck {
    private final String teacherRole;

    public TeacherCheck(String teacherRole) {
        this.teacherRole = teacherRole.strip();
    }

    public boolean isTeacher(Member member) {
        if (member == null) {
            return false;
        }
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        return member.getRoles().stream().anyMatch(role ->
                role.getId().equals(teacherRole) || role.getName().equalsIgnoreCase(teacherRole));
    }
}
