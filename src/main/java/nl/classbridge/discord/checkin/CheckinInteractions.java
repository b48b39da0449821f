package nl.classbridge.discord.checkin;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import nl.classbridge.checkin.CheckinContext;
import nl.classbridge.checkin.CheckinContexts;
import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.Reply;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.TypedMessages;
import nl.classbridge.checkin.questionnaire.AnswerCheck;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.checkin.questionnaire.QuestionType;
import nl.classbridge.discord.PrivateConversation;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.Guardian;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * A parent's presses, choices, modal answers and typed DMs in a check-in, turned into calls on
 * {@link Conversations}; the message is then updated in place to the next step. Every path
 * acknowledges the interaction at once: the work is a few SQLite statements. Someone who is not
 * (or no longer) a guardian, or whose check-in was taken back, gets a polite "no longer linked"
 * and nothing changes.
 */
public final class CheckinInteractions implements PrivateConversation {
    private final Conversations conversations;
    private final TypedMessages typed;
    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final CheckinContexts contexts;
    private final StepView view;
    private final Texts texts;

    public CheckinInteractions(
            Conversations conversations,
            TypedMessages typed,
            CheckinRepository checkins,
            GuardianRepository guardians,
            CheckinContexts contexts,
            StepView view,
            Texts texts) {
        this.conversations = conversations;
        this.typed = typed;
        this.checkins = checkins;
        this.guardians = guardians;
        this.contexts = contexts;
        this.view = view;
        this.texts = texts;
    }

    /** Whether a component or modal id belongs to a check-in. */
    @Override
    public boolean owns(String componentId) {
        return componentId.startsWith("ci:");
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        act(event, event.getComponentId(), null);
    }

    @Override
    public void select(StringSelectInteractionEvent event) {
        act(
                event,
                event.getComponentId(),
                event.getValues().isEmpty() ? null : event.getValues().get(0));
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        Optional<CheckinIds.Id> id = CheckinIds.parse(event.getModalId());
        Optional<Guardian> guardian = guardianOf(event);
        if (id.isEmpty()) {
            notYours(event);
            return;
        }
        if (guardian.isEmpty()) {
            noLongerLinked(event);
            return;
        }
        var mapping = event.getValue("answer");
        String text = mapping == null ? "" : mapping.getAsString();
        show(
                event,
                conversations.answerAt(
                        id.get().requestId(),
                        guardian.get().id(),
                        id.get().question(),
                        question -> Optional.of(text),
                        AnswerSource.DISCORD_MODAL));
    }

    /**
     * A DM typed to the bot: an answer to the question the parent is at, or a friendly word. A typed
     * message is no interaction, so the bot's answer goes out through the outbox like any other DM.
     */
    @Override
    public void directMessage(MessageReceivedEvent event) {
        typed.received(
                event.getAuthor().getIdLong(),
                event.getMessageId(),
                event.getMessage().getContentRaw());
    }

    private <T extends GenericComponentInteractionCreateEvent> void act(T event, String componentId, String chosen) {
        Optional<CheckinIds.Id> parsed = CheckinIds.parse(componentId);
        Optional<Guardian> guardian = guardianOf(event);
        if (parsed.isEmpty()) {
            notYours(event);
            return;
        }
        CheckinIds.Id id = parsed.get();
        // A request that is gone is found so by the conversation (in the transaction), as "no longer linked".
        if (guardian.isEmpty() || id.action() == CheckinIds.Action.MODAL && gone(id)) {
            noLongerLinked(event);
            return;
        }
        long guardianId = guardian.get().id();
        if (id.action() == CheckinIds.Action.OPEN_MODAL) {
            openModal(event, id, guardianId);
            return;
        }
        if (id.action() == CheckinIds.Action.READ_ALL) {
            readAll(event, id, guardianId);
            return;
        }
        Reply reply = switch (id.action()) {
            case START -> conversations.begin(id.requestId(), guardianId);
            case ANSWER ->
                conversations.answerAt(
                        id.requestId(),
                        guardianId,
                        id.question(),
                        q -> Optional.of(buttonValue(q, id.value())),
                        AnswerSource.DISCORD_BUTTON);
            case SELECT ->
                conversations.answerAt(
                        id.requestId(),
                        guardianId,
                        id.question(),
                        q -> Optional.ofNullable(chosen)
                                .flatMap(CheckinInteractions::number)
                                .map(v -> buttonValue(q, v)),
                        AnswerSource.DISCORD_SELECT);
            case SKIP -> conversations.skipAt(id.requestId(), guardianId, id.question());
            case CHANGE ->
                chosen == null
                        ? conversations.current(id.requestId(), guardianId)
                        : number(chosen)
                                .map(index -> conversations.changeAt(id.requestId(), guardianId, index))
                                .orElseGet(Reply.NotYours::new);
            case DONE -> conversations.finish(id.requestId(), guardianId);
            default -> new Reply.NotYours();
        };
        show(event, reply);
    }

    private void openModal(GenericComponentInteractionCreateEvent event, CheckinIds.Id id, long guardianId) {
        Reply current = conversations.current(id.requestId(), guardianId);
        if (!(current instanceof Reply.Show show)) {
            show(event, current);
            return;
        }
        CheckinContext context = contexts.of(show.request(), show.round());
        Optional<Question> question = questionAt(context, id);
        if (question.isEmpty()) {
            notYours(event);
            return;
        }
        var earlier = checkins.answers(id.requestId()).stream()
                .filter(a -> a.questionId().equals(question.get().id()))
                .findFirst();
        event.replyModal(view.answerModal(question.get(), id.question(), earlier, context))
                .queue();
    }

    /** Every answer in full, in messages only the parent sees; the summary stays as it is. */
    private void readAll(GenericComponentInteractionCreateEvent event, CheckinIds.Id id, long guardianId) {
        Reply current = conversations.current(id.requestId(), guardianId);
        if (current instanceof Reply.Show show && show.step() instanceof Step.Summary summary) {
            Respond.privately(event, view.summaryInFull(summary, contexts.of(show.request(), show.round())));
        } else {
            show(event, current);
        }
    }

    /** Updates the pressed message to the next step, or answers privately when nothing changed. */
    private <T extends IReplyCallback & IMessageEditCallback> void show(T event, Reply reply) {
        if (reply instanceof Reply.Show show) {
            event.editMessage(DiscordMessages.edit(view.of(show.step(), contexts.of(show.request(), show.round()))))
                    .queue();
        } else if (reply instanceof Reply.Finished finished) {
            // The next child's greeting, if any, is a DM of its own: the conversation queued it in the outbox.
            CheckinContext context = contexts.of(finished.request());
            event.editMessage(DiscordMessages.edit(
                            view.thanks(context, finished.nextChild().isPresent())))
                    .queue();
        } else if (reply instanceof Reply.Refused refused) {
            Respond.privately(event, refusal(refused));
        } else if (reply instanceof Reply.CannotSkip) {
            Respond.privately(event, texts.forSchool("checkin.answer-unclear", Map.of()));
        } else if (reply instanceof Reply.Closed) {
            Respond.privately(event, texts.forSchool("checkin.round-closed", Map.of()));
        } else if (reply instanceof Reply.NoLongerLinked) {
            noLongerLinked(event);
        } else {
            notYours(event);
        }
    }

    private String refusal(Reply.Refused refused) {
        CheckinContext context = contexts.of(refused.request());
        if (refused.why() instanceof AnswerCheck.TooLong tooLong) {
            return texts.inChain("checkin.answer-too-long", context.chain(), Map.of("max", tooLong.maxLength()));
        }
        return texts.inChain("checkin.answer-unclear", context.chain(), Map.of());
    }

    private static Optional<Question> questionAt(CheckinContext context, CheckinIds.Id id) {
        var questions = context.questionnaire().questions();
        return id.question() >= 0 && id.question() < questions.size()
                ? Optional.of(questions.get(id.question()))
                : Optional.empty();
    }

    /** A select's value: the bot only offers numbers, so anything else was not made by the bot. */
    private static Optional<Integer> number(String chosen) {
        try {
            return Optional.of(Integer.parseInt(chosen));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What a button's number means for its question: a scale point, an option id, yes or no. */
    private static String buttonValue(Question question, int value) {
        if (question.type() == QuestionType.YES_NO) {
            return value == 1 ? "yes" : "no";
        }
        if (question.type() == QuestionType.CHOICE
                && value >= 0
                && value < question.options().size()) {
            return question.options().get(value).id();
        }
        return String.valueOf(value);
    }

    private Optional<Guardian> guardianOf(IReplyCallback event) {
        return guardians.findByDiscordUser(event.getUser().getIdLong());
    }

    /** Whether the request a component names no longer exists: taken back when the link ended. */
    private boolean gone(CheckinIds.Id id) {
        return checkins.findRequest(id.requestId()).isEmpty();
    }

    private void noLongerLinked(IReplyCallback event) {
        Respond.privately(event, texts.forSchool("checkin.no-longer-linked", Map.of()));
    }

    private void notYours(IReplyCallback event) {
        Respond.privately(event, texts.forSchool("checkin.not-yours", Map.of()));
    }
}
