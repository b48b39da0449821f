package nl.classbridge.sandbox.page;

import java.util.Set;
import nl.classbridge.sandbox.SandboxSchool;
import nl.classbridge.sandbox.discord.LocalUser;

/**
 * Who runs a teacher command from the page: the class's teacher, except a command the bot allows
 * only a server admin. Those run as the school's ICT person, the server's owner, so a visitor sees
 * what an admin sees (the audit log) rather than only the teacher's refusal. The one place that
 * decides it: the forms say so, the commands and their suggestions run as this person, and their
 * private replies show in the teacher's panel.
 */
final class CommandRunner {
    /** Command paths (as {@link CommandForms.Command#path()}) for server admins only. */
    private static final Set<String> ADMIN_ONLY = Set.of("privacy audit");

    private CommandRunner() {}

    /** Whether the page runs {@code path} as the ICT person instead of the teacher. */
    static boolean asIct(String path) {
        return ADMIN_ONLY.contains(path);
    }

    /** The person who runs {@code path} from the page. */
    static LocalUser of(SandboxSchool school, String path) {
        return asIct(path) ? school.ict() : school.teacher();
    }
}
