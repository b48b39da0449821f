package nl.classbridge.discord.agreements;

import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import nl.classbridge.agreements.ClassOverview;
import nl.classbridge.discord.Respond;
import nl.classbridge.domain.SchoolClass;

/** {@code /class overview}: reads the class's overview and answers the teacher privately. */
public final class OverviewReply {
    private final ClassOverview overview;
    private final OverviewText text;

    public OverviewReply(ClassOverview overview, OverviewText text) {
        this.overview = overview;
        this.text = text;
    }

    /** For one of the class's own teachers: the caller's scope is checked before this is called. */
    public void show(IReplyCallback event, SchoolClass schoolClass) {
        Respond.privately(
                event,
                text.render(
                        schoolClass, overview.of(schoolClass, event.getUser().getIdLong())));
    }
}
