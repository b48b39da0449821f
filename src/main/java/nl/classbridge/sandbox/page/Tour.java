package nl.classbridge.sandbox.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.discord.PostedMessage;

/**
 * The guided tour at the top of the page: five steps a visitor can follow without the README, each
 * ticked off when it has happened in the sandbox, whichever way the visitor did it.
 */
final class Tour {
    static final int STEPS = 5;

    /** The tips under "More to try"; the last points to the conversation cycle. */
    static final int TIPS = 5;

    private final Sandbox sandbox;
    private final Classroom classroom;
    /** The teacher read the results on this page since it started; the bot keeps no record of reading yet. */
    private final AtomicBoolean resultsRead = new AtomicBoolean();

    Tour(Sandbox sandbox, Classroom classroom) {
        this.sandbox = sandbox;
        this.classroom = classroom;
    }

    void resultsRead() {
        resultsRead.set(true);
    }

    /** Which of the five steps have happened, in order. */
    List<Boolean> done() {
        Optional<SchoolClass> schoolClass = classroom.schoolClass();
        Optional<CheckinRound> round =
                schoolClass.flatMap(c -> sandbox.bot().store().checkins().latestRound(c.id()));
        List<CheckinRequest> requests = round.map(
                        r -> sandbox.bot().store().checkins().requests(r.id()))
                .orElse(List.of());
        return List.of(
                updatePosted(),
                round.isPresent(),
                answered(requests, ContactChannel.DISCORD),
                answered(requests, ContactChannel.EMAIL),
                resultsRead.get());
    }

    private boolean updatePosted() {
        long bot = sandbox.discord().bot().id();
        return sandbox.discord().messagesIn(sandbox.school().channel()).stream()
                .anyMatch(message ->
                        message.authorId() == bot && !message.ephemeral() && !message.deleted() && !isReply(message));
    }

    private static boolean isReply(PostedMessage message) {
        return message.json().has("interaction_metadata");
    }

    private static boolean answered(List<CheckinRequest> requests, ContactChannel channel) {
        return requests.stream().anyMatch(r -> r.channel() == channel && r.status() == RequestStatus.ANSWERED);
    }

    String render(PageTexts texts) {
        List<Boolean> done = done();
        int next = done.indexOf(false);
        StringBuilder html =
                new StringBuilder("<h2>").append(texts.get("tour.title")).append("</h2><ol class=\"steps\">");
        for (int step = 1; step <= STEPS; step++) {
            boolean isDone = done.get(step - 1);
            html.append("<li class=\"")
                    .append(isDone ? "done" : step - 1 == next ? "next" : "todo")
                    .append("\" id=\"step-")
                    .append(step)
                    .append("\"><b>")
                    .append(texts.get("tour.step-" + step + ".title"))
                    .append("</b>");
            if (isDone) {
                html.append(" <span class=\"tick\">✓ ")
                        .append(texts.get("tour.done"))
                        .append("</span>");
            }
            html.append("<br><span class=\"hint\">")
                    .append(texts.get("tour.step-" + step + ".hint"))
                    .append("</span></li>");
        }
        html.append("</ol><details class=\"more\"><summary>")
                .append(texts.get("tour.more"))
                .append("</summary><ul>");
        for (int tip = 1; tip <= TIPS; tip++) {
            html.append("<li>").append(texts.get("tour.more-" + tip, Map.of())).append("</li>");
        }
        return html.append("</ul></details>").toString();
    }
}
