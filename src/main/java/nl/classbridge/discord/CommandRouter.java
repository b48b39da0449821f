package nl.classbridge.discord;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import nl.classbridge.logs.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener: slash commands to their class by name (after the teacher check for teacher
 * commands), check-in buttons, selects and modals to the conversation, and DMs typed to the bot
 * as answers. Anything from a server the bot does not serve ({@code discord.guilds}) gets a polite
 * refusal and goes no further. Work runs on {@link UserStripes}, off JDA's event thread. A failure
 * is logged by its class, a reason code and its stack frames, never its message, and answered with a
 * polite error.
 */
public final class CommandRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    private final Map<String, SlashCommand> commands;
    private final PrivateConversation checkin;
    private final TeacherCheck teacherCheck;
    private final LongPredicate servesGuild;
    private final Set<Long> refusedGuilds = ConcurrentHashMap.newKeySet();
    private final Texts texts;
    private final UserStripes stripes;

    /** @param servesGuild whether the bot serves a server, by its id ({@code discord.guilds}) */
    public CommandRouter(
            List<SlashCommand> commands,
            PrivateConversation checkin,
            TeacherCheck teacherCheck,
            LongPredicate servesGuild,
            Texts texts,
            UserStripes stripes) {
        this.commands =
                commands.stream().collect(Collectors.toUnmodifiableMap(SlashCommand::name, Function.identity()));
        this.checkin = checkin;
        this.teacherCheck = teacherCheck;
        this.servesGuild = servesGuild;
        this.texts = texts;
        this.stripes = stripes;
    }

    public List<SlashCommand> commands() {
        return List.copyOf(commands.values());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (elsewhere(event)) {
            return;
        }
        stripes.run(event.getUser().getIdLong(), () -> slashCommand(event));
    }

    private void slashCommand(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            Respond.privately(event, texts.forSchool("common.error.generic", Map.of()));
            return;
        }
        if (command.teacherOnly() && !teacherCheck.isTeacher(event.getMember())) {
            Respond.privately(event, texts.forSchool("teacher.not-teacher", Map.of()));
            return;
        }
        safely(event, "/" + event.getFullCommandName(), () -> command.handle(event));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!served(event)) {
            event.replyChoices().queue();
            return;
        }
        stripes.run(event.getUser().getIdLong(), () -> autocomplete(event));
    }

    private void autocomplete(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        boolean allowed = command != null && (!command.teacherOnly() || teacherCheck.isTeacher(event.getMember()));
        if (!allowed) {
            event.replyChoices().queue();
            return;
        }
        try {
            command.autocomplete(event);
        } catch (RuntimeException e) {
            LOG.error(
                    "Autocomplete for /{} failed: {}",
                    event.getName(),
                    DiscordFailures.reason(e),
                    Failure.withoutText(e));
            event.replyChoices().queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (elsewhere(event)) {
            return;
        }
        Optional<ComponentHandler> handler = handlerOf(event.getComponentId());
        if (handler.isPresent()) {
            Runnable press = () -> handler.get().button(event);
            stripes.run(event.getUser().getIdLong(), () -> {
                if (handler.get().forTeachers()) {
                    asTeacher(event, "button", press);
                } else {
                    safely(event, "button", press);
                }
            });
        } else if (checkin.owns(event.getComponentId())) {
            stripes.run(
                    event.getUser().getIdLong(), () -> safely(event, "check-in button", () -> checkin.button(event)));
        } else {
            Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
        }
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        if (elsewhere(event)) {
            return;
        }
        if (checkin.owns(event.getComponentId())) {
            stripes.run(
                    event.getUser().getIdLong(), () -> safely(event, "check-in select", () -> checkin.select(event)));
        } else {
            Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (elsewhere(event)) {
            return;
        }
        Optional<ComponentHandler> handler = handlerOf(event.getModalId());
        if (handler.isPresent()) {
            stripes.run(
                    event.getUser().getIdLong(),
                    () -> asTeacher(event, "form", () -> handler.get().modal(event)));
        } else if (checkin.owns(event.getModalId())) {
            stripes.run(
                    event.getUser().getIdLong(), () -> safely(event, "check-in answer", () -> checkin.modal(event)));
        } else {
            Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.isFromType(ChannelType.PRIVATE)
                && !event.getAuthor().isBot()
                && !event.getAuthor().isSystem()) {
            stripes.run(event.getAuthor().getIdLong(), () -> {
                try {
                    checkin.directMessage(event);
                } catch (RuntimeException e) {
                    LOG.error("Handling a DM failed: {}", DiscordFailures.reason(e), Failure.withoutText(e));
                }
            });
        }
    }

    /** Whether the interaction is in a DM or in a server the bot serves. */
    private boolean served(Interaction event) {
        return !event.isFromGuild() || servesGuild.test(event.getGuild().getIdLong());
    }

    /**
     * An interaction from a server the bot does not serve: refused politely, without looking at
     * what it asks, so nothing of any class is read or stored for it.
     */
    private boolean elsewhere(IReplyCallback event) {
        if (served(event)) {
            return false;
        }
        if (refusedGuilds.add(event.getGuild().getIdLong())) {
            // Once per server: enough for an operator who forgot to list it, no flood from someone who keeps trying.
            LOG.info(
                    "Refusing interactions from server {}: it is not in discord.guilds",
                    event.getGuild().getId());
        }
        Respond.privately(event, texts.forSchool("common.error.not-allowed", Map.of()));
        return true;
    }

    /** The command that owns a component id, if any (teacher commands' own buttons and forms). */
    private Optional<ComponentHandler> handlerOf(String id) {
        return commands.values().stream()
                .filter(c -> c instanceof ComponentHandler)
                .map(c -> (ComponentHandler) c)
                .filter(h -> h.owns(id))
                .findFirst();
    }

    /** A teacher command's button or form: checked again, because anyone may press a button. */
    private void asTeacher(IReplyCallback event, String what, Runnable handler) {
        if (!teacherCheck.isTeacher(event.getMember())) {
            Respond.privately(event, texts.forSchool("teacher.not-teacher", Map.of()));
            return;
        }
        safely(event, what, handler);
    }

    /** Runs a handler; on failure logs without personal data and still answers the person. */
    private void safely(IReplyCallback event, String what, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed: {}", what, DiscordFailures.reason(e), Failure.withoutText(e));
            Respond.privately(event, texts.forSchool("common.error.generic", Map.of()));
        }
    }
}
