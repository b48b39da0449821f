package nl.classbridge.discord.commands;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.modals.Modal;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.ComponentHandler;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.Highlight;
import nl.classbridge.domain.HighlightKind;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.updates.Highlights;
import nl.classbridge.updates.UpdateRuns;
import nl.classbridge.updates.UpdateSchedules;

/**
 * {@code /update}: the highlights a teacher collects for the next class update (with buttons on
 * the list to remove or change one), the rhythm of the updates, a pause for holidays, and a
 * preview that is exactly what families will see. Each is one call on {@link Highlights},
 * {@link UpdateSchedules} or {@link UpdateRuns}; this class reads the options and writes the answer.
 */
public final class UpdateCommand implements SlashCommand, ComponentHandler {
    private static final int MAX_HIGHLIGHT = Highlights.MAX_LENGTH;
    private static final int BUTTONS = 5;

    private final Highlights highlights;
    private final UpdateSchedules schedules;
    private final UpdateRuns runs;
    private final ClassChannel classChannel;
    private final Texts texts;
    private final java.time.Clock clock;

    public UpdateCommand(
            Highlights highlights,
            UpdateSchedules schedules,
            UpdateRuns runs,
            ClassChannel classChannel,
            Texts texts,
            java.time.Clock clock) {
        this.highlights = highlights;
        this.schedules = schedules;
        this.runs = runs;
        this.classChannel = classChannel;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "update";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        OptionData kind = defs.option(OptionType.STRING, "update add kind", false);
        for (HighlightKind each : HighlightKind.values()) {
            kind.addChoice(texts.forSchool("updates.section." + each.code(), Map.of()), each.code());
        }
        OptionData day = defs.option(OptionType.STRING, "update schedule day", true);
        for (DayOfWeek each : DayOfWeek.values()) {
            day.addChoice(
                    each.getDisplayName(
                            TextStyle.FULL,
                            texts.messages()
                                    .chain(Optional.empty(), Optional.empty())
                                    .get(0)
                                    .locale()),
                    each.name());
        }
        return defs.teacherCommand("update")
                .addSubcommands(
                        defs.subcommand("update add")
                                .addOptions(
                                        defs.option(OptionType.STRING, "update add text", true)
                                                .setMaxLength(MAX_HIGHLIGHT),
                                        kind),
                        defs.subcommand("update list"),
                        defs.subcommand("update schedule")
                                .addOptions(
                                        day,
                                        defs.option(OptionType.STRING, "update schedule time", true),
                                        defs.option(OptionType.INTEGER, "update schedule every", false)
                                                .addChoice("1", 1)
                                                .addChoice("2", 2)),
                        defs.subcommand("update pause")
                                .addOptions(
                                        defs.option(OptionType.STRING, "update pause until", true),
                                        defs.option(OptionType.STRING, "update pause reason", false)
                                                .setMaxLength(UpdateSchedules.MAX_REASON)),
                        defs.subcommand("update preview").addOptions(defs.language("update preview language", false)),
                        defs.subcommand("update post-now"));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            switch (event.getSubcommandName()) {
                case "add" -> add(event, schoolClass);
                case "schedule" -> schedule(event, schoolClass);
                case "pause" -> pause(event, schoolClass);
                case "preview" -> preview(event, schoolClass);
                case "post-now" -> postNow(event, schoolClass);
                default -> list(event, schoolClass);
            }
        });
    }

    private void add(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        HighlightKind kind = Optional.ofNullable(event.getOption("kind", OptionMapping::getAsString))
                .flatMap(code -> Coded.fromCode(HighlightKind.class, code))
                .orElse(HighlightKind.LEARNING);
        Highlights.Written added = highlights.add(
                schoolClass,
                kind,
                event.getOption("text", OptionMapping::getAsString),
                event.getUser().getIdLong());
        Respond.privately(
                event,
                added instanceof Highlights.Written.Saved
                        ? texts.forClass(
                                schoolClass,
                                "teacher.update.added",
                                Map.of("kind", texts.forClass(schoolClass, "updates.section." + kind.code(), Map.of())))
                        : texts.forClass(schoolClass, "teacher.update.too-long", Map.of("max", MAX_HIGHLIGHT)));
    }

    private void list(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        List<Highlight> queued = highlights.queued(schoolClass);
        if (queued.isEmpty()) {
            Respond.privately(event, texts.forClass(schoolClass, "teacher.update.list-empty", Map.of()));
            return;
        }
        StringBuilder text = new StringBuilder(texts.forClass(schoolClass, "teacher.update.list-title", Map.of()));
        for (Highlight highlight : queued) {
            text.append("\n• #")
                    .append(highlight.id())
                    .append(" · ")
                    .append(texts.forClass(
                            schoolClass, "updates.section." + highlight.kind().code(), Map.of()))
                    .append(": ")
                    .append(texts.value(schoolClass, highlight.text()));
        }
        List<Button> remove = new ArrayList<>();
        List<Button> edit = new ArrayList<>();
        List<Highlight> latest = queued.subList(Math.max(0, queued.size() - BUTTONS), queued.size());
        for (Highlight highlight : latest) {
            remove.add(Button.danger(
                    "up:rm:" + highlight.id(),
                    DiscordLimits.fit(
                            texts.forClass(schoolClass, "teacher.update.button.remove", Map.of()) + " #"
                                    + highlight.id(),
                            DiscordLimits.BUTTON_LABEL)));
            edit.add(Button.secondary(
                    "up:ed:" + highlight.id(),
                    DiscordLimits.fit(
                            texts.forClass(schoolClass, "teacher.update.button.edit", Map.of()) + " #" + highlight.id(),
                            DiscordLimits.BUTTON_LABEL)));
        }
        Respond.privately(event, text.toString(), List.of(ActionRow.of(remove), ActionRow.of(edit)));
    }

    private void schedule(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        Optional<DayOfWeek> chosen = weekday(event.getOption("day", OptionMapping::getAsString));
        if (chosen.isEmpty()) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass,
                            "teacher.option-invalid",
                            Map.of("option", "day", "expected", "MONDAY-SUNDAY")));
            return;
        }
        DayOfWeek day = chosen.get();
        int every = event.getOption("every", 1, OptionMapping::getAsInt);
        LocalTime time;
        try {
            time = LocalTime.parse(
                    event.getOption("time", OptionMapping::getAsString).strip());
        } catch (DateTimeParseException e) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass, "teacher.option-invalid", Map.of("option", "time", "expected", "15:00")));
            return;
        }
        UpdateSchedules.Scheduled result =
                schedules.set(schoolClass, day, time, every, event.getUser().getIdLong());
        if (result instanceof UpdateSchedules.Scheduled.Set set) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass,
                            "teacher.update.scheduled",
                            Map.of(
                                    "every",
                                    every,
                                    "day",
                                    day.getDisplayName(
                                            TextStyle.FULL,
                                            schoolClass.language().locale()),
                                    "time",
                                    time,
                                    "next",
                                    Dates.day(
                                            set.schedule().nextRunAt(),
                                            schoolClass.timezone(),
                                            schoolClass.language()))));
        } else {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass, "teacher.option-invalid", Map.of("option", "every", "expected", "1, 2")));
        }
    }

    private void pause(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        LocalDate until;
        try {
            until = LocalDate.parse(
                    event.getOption("until", OptionMapping::getAsString).strip());
        } catch (DateTimeParseException e) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass,
                            "teacher.option-invalid",
                            Map.of(
                                    "option",
                                    "until",
                                    "expected",
                                    LocalDate.now(clock.withZone(schoolClass.timezone()))
                                            .plusDays(7)
                                            .toString())));
            return;
        }
        UpdateSchedules.Paused result = schedules.pause(
                schoolClass,
                until,
                Optional.ofNullable(event.getOption("reason", OptionMapping::getAsString)),
                event.getUser().getIdLong());
        String key = result instanceof UpdateSchedules.Paused.Until
                ? "teacher.update.paused"
                : result instanceof UpdateSchedules.Paused.NoSchedule
                        ? "teacher.update.no-schedule"
                        : "teacher.update.pause-in-past";
        Respond.privately(
                event,
                texts.forClass(
                        schoolClass,
                        key,
                        Map.of(
                                "until",
                                Dates.day(
                                        until.atStartOfDay(schoolClass.timezone())
                                                .toInstant(),
                                        schoolClass.timezone(),
                                        schoolClass.language()))));
    }

    /** The next update exactly as families will see it: the same code makes the post. */
    private void preview(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        Optional<nl.classbridge.domain.Language> language = Optional.ofNullable(
                        event.getOption("language", OptionMapping::getAsString))
                .flatMap(nl.classbridge.domain.Language::fromCode);
        Respond.privately(
                event,
                runs.preview(schoolClass, language)
                        .orElseGet(() -> texts.forClass(schoolClass, "teacher.update.preview-empty", Map.of())));
    }

    private void postNow(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        UpdateRuns.PostedNow posted = runs.postNow(schoolClass, event.getUser().getIdLong());
        Respond.privately(
                event,
                posted instanceof UpdateRuns.PostedNow.Posted
                        ? texts.forClass(schoolClass, "updates.teacher.posted", Map.of("class", schoolClass.name()))
                        : texts.forClass(schoolClass, "teacher.update.nothing-to-post", Map.of()));
    }

    @Override
    public boolean owns(String id) {
        return id.startsWith("up:");
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        withHighlight(event, event.getComponentId(), (schoolClass, highlight) -> {
            if (event.getComponentId().startsWith("up:rm:")) {
                boolean removed = highlights.remove(
                        schoolClass, highlight.id(), event.getUser().getIdLong());
                Respond.privately(
                        event,
                        texts.forClass(
                                schoolClass, removed ? "teacher.update.removed" : "teacher.update.gone", Map.of()));
                return;
            }
            TextInput input = TextInput.create("text", TextInputStyle.PARAGRAPH)
                    .setValue(highlight.text())
                    .setMaxLength(MAX_HIGHLIGHT)
                    .build();
            event.replyModal(Modal.create(
                                    "up:md:" + highlight.id(),
                                    DiscordLimits.fit(
                                            texts.forClass(schoolClass, "teacher.update.modal.title", Map.of()),
                                            DiscordLimits.MODAL_TITLE))
                            .addComponents(Label.of(
                                    DiscordLimits.fit(
                                            texts.forClass(schoolClass, "teacher.update.modal.label", Map.of()),
                                            DiscordLimits.TEXT_INPUT_LABEL),
                                    input))
                            .build())
                    .queue();
        });
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        withHighlight(event, event.getModalId(), (schoolClass, highlight) -> {
            var value = event.getValue("text");
            Highlights.Written edited = highlights.edit(
                    schoolClass,
                    highlight.id(),
                    value == null ? "" : value.getAsString(),
                    event.getUser().getIdLong());
            Respond.privately(
                    event,
                    edited instanceof Highlights.Written.Invalid
                            ? texts.forClass(schoolClass, "teacher.update.too-long", Map.of("max", MAX_HIGHLIGHT))
                            : texts.forClass(
                                    schoolClass,
                                    edited instanceof Highlights.Written.Saved
                                            ? "teacher.update.edited"
                                            : "teacher.update.gone",
                                    Map.of()));
        });
    }

    private interface HighlightAction {
        void apply(SchoolClass schoolClass, Highlight highlight);
    }

    /** The queued highlight an id names, if it belongs to the class of this channel. */
    private void withHighlight(IReplyCallback event, String id, HighlightAction action) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            Optional<Highlight> highlight =
                    parseId(id).flatMap(highlightId -> highlights.queued(schoolClass, highlightId));
            if (highlight.isEmpty()) {
                Respond.privately(event, texts.forClass(schoolClass, "teacher.update.gone", Map.of()));
            } else {
                action.apply(schoolClass, highlight.get());
            }
        });
    }

    /** The day from the option's choices; Discord sends only those, but a day is checked like any input. */
    private static Optional<DayOfWeek> weekday(String value) {
        return java.util.Arrays.stream(DayOfWeek.values())
                .filter(day -> day.name().equals(value))
                .findFirst();
    }

    private static Optional<Long> parseId(String id) {
        String[] parts = id.split(":");
        try {
            return parts.length == 3 ? Optional.of(Long.parseLong(parts[2])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
