package nl.classbridge.discord.commands;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.modals.Modal;
import nl.classbridge.conversations.ChildViews;
import nl.classbridge.conversations.ConversationPlans;
import nl.classbridge.conversations.Reflections;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.ComponentHandler;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.ParentConversation;
import nl.classbridge.domain.Reflection;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /conversation plan|child-view|done|cancel|list}: a parent conversation about one child,
 * and the button and form of the teacher's private reflection after it. Each subcommand, button and
 * form is one call on {@link ConversationPlans}, {@link ChildViews} or {@link Reflections}; every
 * answer is private, because it names a child's conversation.
 */
public final class ConversationCommand implements SlashCommand, ComponentHandler {
    private static final String WENT_WELL = "went-well";
    private static final String DIFFERENTLY = "differently";
    private static final String TAKE_ALONG = "take-along";

    private final ConversationPlans plans;
    private final ChildViews childViews;
    private final Reflections reflections;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;

    public ConversationCommand(
            ConversationPlans plans,
            ChildViews childViews,
            Reflections reflections,
            ClassChannel classChannel,
            StudentRepository students,
            Texts texts) {
        this.plans = plans;
        this.childViews = childViews;
        this.reflections = reflections;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "conversation";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("conversation")
                .addSubcommands(
                        defs.subcommand("conversation plan")
                                .addOptions(
                                        defs.suggested("conversation plan student", true),
                                        defs.option(OptionType.STRING, "conversation plan date", true),
                                        defs.option(OptionType.STRING, "conversation plan time", false),
                                        defs.option(OptionType.BOOLEAN, "conversation plan with-child", false)),
                        defs.subcommand("conversation child-view")
                                .addOptions(
                                        defs.suggested("conversation child-view student", true),
                                        defs.option(OptionType.STRING, "conversation child-view text", true)),
                        defs.subcommand("conversation done")
                                .addOptions(defs.suggested("conversation done student", true)),
                        defs.subcommand("conversation cancel")
                                .addOptions(defs.suggested("conversation cancel student", true)),
                        defs.subcommand("conversation list"));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            long teacher = event.getUser().getIdLong();
            String student = event.getOption("student", "", OptionMapping::getAsString);
            if ("done".equals(event.getSubcommandName())) {
                held(event, schoolClass, plans.held(schoolClass, student, teacher), student);
                return;
            }
            String reply = switch (event.getSubcommandName()) {
                case "plan" ->
                    planned(
                            schoolClass,
                            plans.plan(
                                    schoolClass,
                                    student,
                                    event.getOption("date", "", OptionMapping::getAsString),
                                    Optional.ofNullable(event.getOption("time", OptionMapping::getAsString)),
                                    event.getOption("with-child", false, OptionMapping::getAsBoolean),
                                    teacher),
                            student);
                case "child-view" ->
                    childView(
                            schoolClass,
                            childViews.childView(
                                    schoolClass,
                                    student,
                                    event.getOption("text", "", OptionMapping::getAsString),
                                    teacher),
                            student);
                case "cancel" -> cancelled(schoolClass, plans.cancel(schoolClass, student, teacher), student);
                default -> list(schoolClass);
            };
            Respond.privately(event, reply);
        });
    }

    private String planned(SchoolClass schoolClass, ConversationPlans.Planned planned, String student) {
        if (planned instanceof ConversationPlans.Planned.Done done) {
            Map<String, Object> values = Map.of("student", student, "when", when(schoolClass, done.conversation()));
            StringBuilder text =
                    new StringBuilder(say(schoolClass, done.moved() ? "teacher.moved" : "teacher.planned", values));
            String invitation = switch (done.invitation()) {
                case SENT -> "teacher.invitation-sent";
                case ALREADY_SENT -> "teacher.invitation-already";
                case NO_FAMILY -> "teacher.invitation-no-family";
                case TOO_SOON -> "teacher.invitation-too-soon";
            };
            text.append("\n\n").append(say(schoolClass, invitation, values));
            if (done.askChildFirst()) {
                text.append("\n\n").append(say(schoolClass, "teacher.ask-child-first", values));
            }
            return text.toString();
        }
        if (planned instanceof ConversationPlans.Planned.BadDate) {
            return say(schoolClass, "teacher.date-invalid", Map.of());
        }
        if (planned instanceof ConversationPlans.Planned.BadTime) {
            return say(schoolClass, "teacher.time-invalid", Map.of());
        }
        if (planned instanceof ConversationPlans.Planned.InThePast) {
            return say(schoolClass, "teacher.in-the-past", Map.of());
        }
        return unknownChild(schoolClass, student);
    }

    private String childView(SchoolClass schoolClass, ChildViews.ChildViewRecorded recorded, String student) {
        if (recorded instanceof ChildViews.ChildViewRecorded.Saved saved) {
            return saved.conversation()
                    .map(conversation -> say(
                            schoolClass,
                            "teacher.child-view-saved-for",
                            Map.of("student", student, "when", when(schoolClass, conversation))))
                    .orElseGet(() -> say(schoolClass, "teacher.child-view-saved", Map.of("student", student)));
        }
        if (recorded instanceof ChildViews.ChildViewRecorded.TooLong tooLong) {
            return say(schoolClass, "teacher.too-long", Map.of("max", tooLong.max()));
        }
        if (recorded instanceof ChildViews.ChildViewRecorded.Empty) {
            return say(schoolClass, "teacher.child-view-empty", Map.of());
        }
        return unknownChild(schoolClass, student);
    }

    /** Held: the answer carries the button to the teacher's own reflection (answered here, with it). */
    private void held(
            SlashCommandInteractionEvent event, SchoolClass schoolClass, ConversationPlans.Held held, String student) {
        if (!(held instanceof ConversationPlans.Held.Done done)) {
            Respond.privately(event, notHeld(schoolClass, held, student));
            return;
        }
        Respond.privately(
                event,
                heldText(schoolClass, done, student),
                List.of(ActionRow.of(Button.primary(
                        ConversationIds.reflectButton(
                                done.conversation().id(), event.getUser().getIdLong()),
                        DiscordLimits.fit(
                                say(schoolClass, "teacher.button.reflect", Map.of()), DiscordLimits.BUTTON_LABEL)))));
    }

    private String heldText(SchoolClass schoolClass, ConversationPlans.Held.Done done, String student) {
        String first =
                done.invitation() == ConversationPlans.Invitation.SENT ? "teacher.held" : "teacher.held-no-family";
        return say(schoolClass, first, Map.of("student", student)) + "\n\n"
                + say(schoolClass, "teacher.reflect", Map.of());
    }

    private String notHeld(SchoolClass schoolClass, ConversationPlans.Held held, String student) {
        if (held instanceof ConversationPlans.Held.AlreadyHeld already) {
            return say(
                    schoolClass,
                    "teacher.already-held",
                    Map.of("student", student, "when", when(schoolClass, already.conversation())));
        }
        if (held instanceof ConversationPlans.Held.NonePlanned) {
            return say(schoolClass, "teacher.none-planned", Map.of("student", student));
        }
        return unknownChild(schoolClass, student);
    }

    private String cancelled(SchoolClass schoolClass, ConversationPlans.Cancelled cancelled, String student) {
        if (cancelled instanceof ConversationPlans.Cancelled.Done done) {
            return say(
                    schoolClass,
                    "teacher.cancelled",
                    Map.of("student", student, "when", when(schoolClass, done.conversation())));
        }
        if (cancelled instanceof ConversationPlans.Cancelled.NonePlanned) {
            return say(schoolClass, "teacher.none-planned", Map.of("student", student));
        }
        return unknownChild(schoolClass, student);
    }

    /** Counts only: what the families answered is for preparing the conversation, not for a list. */
    private String list(SchoolClass schoolClass) {
        List<ConversationPlans.Upcoming> upcoming = plans.upcoming(schoolClass);
        if (upcoming.isEmpty()) {
            return say(schoolClass, "teacher.list-empty", Map.of());
        }
        StringBuilder text = new StringBuilder(say(schoolClass, "teacher.list-title", Map.of()));
        for (ConversationPlans.Upcoming each : upcoming) {
            Map<String, Object> values = Map.of(
                    "student", each.student().name(),
                    "when", when(schoolClass, each.conversation()),
                    "answered", each.answered(),
                    "asked", each.asked());
            text.append("\n• ")
                    .append(say(
                            schoolClass,
                            each.asked() == 0 ? "teacher.list-line-no-questions" : "teacher.list-line",
                            values));
        }
        return text.toString();
    }

    @Override
    public boolean owns(String id) {
        return id.startsWith(ConversationIds.PREFIX);
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        withOwnConversation(event, event.getComponentId(), false, (schoolClass, conversation) -> {
            long teacher = event.getUser().getIdLong();
            Optional<Reflection> earlier = reflections.ownReflection(conversation.id(), teacher);
            event.replyModal(Modal.create(
                                    ConversationIds.reflectForm(conversation.id(), teacher),
                                    DiscordLimits.fit(
                                            say(schoolClass, "teacher.reflection.modal.title", Map.of()),
                                            DiscordLimits.MODAL_TITLE))
                            .addComponents(
                                    field(schoolClass, WENT_WELL, earlier.flatMap(Reflection::wentWell)),
                                    field(schoolClass, DIFFERENTLY, earlier.flatMap(Reflection::differently)),
                                    field(schoolClass, TAKE_ALONG, earlier.flatMap(Reflection::takeAlong)))
                            .build())
                    .queue();
        });
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        withOwnConversation(event, event.getModalId(), true, (schoolClass, conversation) -> {
            Reflections.Reflected reflected = reflections.reflect(
                    schoolClass,
                    conversation.id(),
                    event.getUser().getIdLong(),
                    value(event, WENT_WELL),
                    value(event, DIFFERENTLY),
                    value(event, TAKE_ALONG));
            String reply;
            if (reflected instanceof Reflections.Reflected.Saved) {
                reply = say(schoolClass, "teacher.reflection-saved", Map.of());
            } else if (reflected instanceof Reflections.Reflected.Empty) {
                reply = say(schoolClass, "teacher.reflection-empty", Map.of());
            } else if (reflected instanceof Reflections.Reflected.TooLong tooLong) {
                reply = say(schoolClass, "teacher.too-long", Map.of("max", tooLong.max()));
            } else {
                reply = say(schoolClass, "teacher.gone", Map.of());
            }
            Respond.privately(event, reply);
        });
    }

    private Label field(SchoolClass schoolClass, String id, Optional<String> earlier) {
        TextInput.Builder input = TextInput.create(id, TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(Reflections.MAX_REFLECTION);
        earlier.ifPresent(input::setValue);
        return Label.of(
                DiscordLimits.fit(
                        say(schoolClass, "teacher.reflection.modal." + id, Map.of()), DiscordLimits.TEXT_INPUT_LABEL),
                input.build());
    }

    private static String value(ModalInteractionEvent event, String id) {
        var mapping = event.getValue(id);
        return mapping == null ? "" : mapping.getAsString();
    }

    private interface ConversationAction {
        void apply(SchoolClass schoolClass, ParentConversation conversation);
    }

    /**
     * The conversation a button or form names, for the teacher it was made for and in this class only:
     * anyone may press a button or forge an id, so both are checked again here.
     */
    private void withOwnConversation(IReplyCallback event, String id, boolean form, ConversationAction action) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            Optional<ConversationIds.Id> parsed = ConversationIds.parse(id).filter(found -> found.form() == form);
            if (parsed.isEmpty()
                    || parsed.get().teacherUserId() != event.getUser().getIdLong()) {
                Respond.privately(event, say(schoolClass, "teacher.not-yours", Map.of()));
                return;
            }
            reflections
                    .ofClass(schoolClass, parsed.get().conversationId())
                    .ifPresentOrElse(
                            conversation -> action.apply(schoolClass, conversation),
                            () -> Respond.privately(event, say(schoolClass, "teacher.gone", Map.of())));
        });
    }

    /** The conversation's day, with its time when one was set, as the teacher reads it. */
    private static String when(SchoolClass schoolClass, ParentConversation conversation) {
        String day = Dates.day(
                conversation.plannedOn().atStartOfDay(schoolClass.timezone()).toInstant(),
                schoolClass.timezone(),
                schoolClass.language());
        return conversation
                .plannedTime()
                .map(time -> day + ", " + Dates.time(time, schoolClass.language()))
                .orElse(day);
    }

    private String unknownChild(SchoolClass schoolClass, String student) {
        return texts.forClass(schoolClass, "teacher.student.unknown", Map.of("student", DiscordLimits.echo(student)));
    }

    private String say(SchoolClass schoolClass, String key, Map<String, ?> values) {
        return texts.forClass(schoolClass, "conversation." + key, values);
    }
}
