package nl.classbridge.discord;

import nl.classbridge.messages.Texts;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.SchoolClassRepository;

/** Finds the class a command was used in: the class bound to the command's channel. */
public final class ClassChannel {
    private final SchoolClassRepository classes;
    private final Texts texts;

    public ClassChannel(SchoolClassRepository classes, Texts texts) {
        this.classes = classes;
        this.texts = texts;
    }

    public Optional<SchoolClass> of(Interaction event) {
        return event.getChannel() == null ? Optional.empty() : classes.findByChannel(event.getChannel().getIdLong());
    }

    /** The class, or a private reply saying this channel is not a class yet. */
    public Optional<SchoolClass> orExplain(IReplyCallback event) {
        Optional<SchoolClass> found = of(event);
        if (found.isEmpty()) {
            Respond.privately(event, texts.forSchool("teacher.no-class", Map.of()));
        }
        return found;
    }
}
