package nl.classbridge.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import nl.classbridge.roster.Caller;

/**
 * Who counts as a teacher on the server: a member with the configured teacher role (its name or
 * id), or one who may manage the server. Checked on every teacher command, because server admins
 * can change who sees a command, and Discord's default permission is only a default. Being a
 * teacher on the server lets someone use the teacher commands at all; which class they may act for
 * is the roster's rule ({@link nl.classbridge.roster.ClassTeachers}).
 */
public final class TeacherCheck {
    private final String teacherRole;

    public TeacherCheck(String teacherRole) {
        this.teacherRole = teacherRole.strip();
    }

    public boolean isTeacher(Member member) {
        if (member == null || member.getUser().isBot()) {
            return false;
        }
        if (isServerAdmin(member)) {
            return true;
        }
        return member.getRoles().stream()
                .anyMatch(role ->
                        role.getId().equals(teacherRole) || role.getName().equalsIgnoreCase(teacherRole));
    }

    /** Whether the member may manage the server (Administrator includes it): only they may take a class over. */
    public boolean isServerAdmin(Member member) {
        return member != null && member.hasPermission(Permission.MANAGE_SERVER);
    }

    /** The member as the roster's rules see them. */
    public Caller caller(Member member) {
        return new Caller(member.getIdLong(), member.getEffectiveName(), isServerAdmin(member));
    }
}
