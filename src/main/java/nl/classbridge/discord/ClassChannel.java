package nl.classbridge.discord;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.roster.ClassTeachers;

/**
 * Finds the class a teacher command was used in (the class bound to the command's channel), for
 * one of that class's own teachers only: every command, button, form and suggestion for a class
 * passes here, so another teacher or a server admin cannot read or change it.
 */
public final class ClassChannel {
    private final ClassTeachers teachers;
    private final Texts texts;

    public ClassChannel(ClassTeachers teachers, Texts texts) {
        this.teachers = teachers;
        this.texts = texts;
    }

    /** The channel's class if the user is one of its teachers; quietly empty otherwise (suggestions). */
    public Optional<SchoolClass> of(Interaction event) {
        return scope(event) instanceof ClassTeachers.Scope.Yours yours
                ? Optional.of(yours.schoolClass())
                : Optional.empty();
    }

    /** The class, or a private reply saying this channel is not a class yet, or not the user's class. */
    public Optional<SchoolClass> orExplain(IReplyCallback event) {
        ClassTeachers.Scope scope = scope(event);
        if (scope instanceof ClassTeachers.Scope.Yours yours) {
            return Optional.of(yours.schoolClass());
        }
        if (scope instanceof ClassTeachers.Scope.NotYours notYours) {
            Respond.privately(event, texts.forClass(notYours.schoolClass(), "teacher.not-your-class", Map.of()));
        } else {
            Respond.privately(event, texts.forSchool("teacher.no-class", Map.of()));
        }
        return Optional.empty();
    }

    private ClassTeachers.Scope scope(Interaction event) {
        return event.getChannel() == null
                ? new ClassTeachers.Scope.NoClass()
                : teachers.inChannel(
                        event.getChannel().getIdLong(), event.getUser().getIdLong());
    }
}
