package nl.classbridge.discord.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.discord.agreements.AgreementList;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.Coded;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /agreement add|list|done}: the teacher's agreements about a child, each one call on
 * {@link Agreements}; the answers are private to the teacher who asks.
 */
public final class AgreementCommand implements SlashCommand {
    private final Agreements agreements;
    private final AgreementList list;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;
    private final Clock clock;

    public AgreementCommand(
            Agreements agreements,
            AgreementList list,
            ClassChannel classChannel,
            StudentRepository students,
            Texts texts,
            Clock clock) {
        this.agreements = agreements;
        this.list = list;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        OptionData owner = defs.option(OptionType.STRING, "agreement add owner", true);
        for (AgreementOwner each : AgreementOwner.values()) {
            owner.addChoice(texts.forSchool("agreement.owner." + each.code(), Map.of()), each.code());
        }
        return defs.teacherCommand("agreement")
                .addSubcommands(
                        defs.subcommand("agreement add")
                                .addOptions(
                                        defs.suggested("agreement add student", true),
                                        defs.option(OptionType.STRING, "agreement add text", true)
                                                .setMaxLength(Agreements.MAX_TEXT),
                                        owner,
                                        defs.option(OptionType.STRING, "agreement add align-again", false)),
                        defs.subcommand("agreement list").addOptions(defs.suggested("agreement list student", true)),
                        defs.subcommand("agreement done")
                                .addOptions(
                                        defs.suggested("agreement done student", true),
                                        defs.suggested("agreement done agreement", true)));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            switch (event.getSubcommandName()) {
                case "add" -> add(event, schoolClass);
                case "done" -> done(event, schoolClass);
                default -> list(event, schoolClass);
            }
        });
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        if ("student".equals(event.getFocusedOption().getName())) {
            StudentNames.suggest(event, classChannel, students);
            return;
        }
        // The child's open agreements, for the class's own teachers only: the channel scope decides.
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        String student = Optional.ofNullable(event.getOption("student", OptionMapping::getAsString))
                .orElse("");
        List<Command.Choice> choices = classChannel
                .of(event)
                .map(schoolClass -> agreements.open(schoolClass, student).stream()
                        .filter(a -> a.text().toLowerCase(Locale.ROOT).contains(typed))
                        .limit(DiscordLimits.SELECT_OPTIONS)
                        .map(a -> new Command.Choice(
                                DiscordLimits.fit(a.text(), DiscordLimits.CHOICE), String.valueOf(a.id())))
                        .toList())
                .orElse(List.of());
        event.replyChoices(choices).queue();
    }

    private void add(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        String student = event.getOption("student", OptionMapping::getAsString);
        Optional<LocalDate> day;
        try {
            day = Optional.ofNullable(event.getOption("align-again", OptionMapping::getAsString))
                    .map(String::strip)
                    .map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass,
                            "agreement.teacher.date-invalid",
                            Map.of("example", today(schoolClass).plusDays(14).toString())));
            return;
        }
        AgreementOwner owner = Coded.fromCode(
                        AgreementOwner.class, event.getOption("owner", OptionMapping::getAsString))
                .orElse(AgreementOwner.TOGETHER);
        Agreements.Added added = agreements.add(
                schoolClass,
                student,
                event.getOption("text", OptionMapping::getAsString),
                owner,
                day,
                event.getUser().getIdLong());
        String reply;
        if (added instanceof Agreements.Added.Saved saved) {
            reply = texts.forClass(
                    schoolClass,
                    saved.asked() == 0 ? "agreement.teacher.added-nobody" : "agreement.teacher.added",
                    Map.of("student", saved.student().name(), "asked", saved.asked()));
        } else if (added instanceof Agreements.Added.TextInvalid invalid) {
            reply = texts.forClass(schoolClass, "agreement.teacher.text-invalid", Map.of("max", invalid.max()));
        } else if (added instanceof Agreements.Added.DayPassed passed) {
            reply = texts.forClass(
                    schoolClass,
                    "agreement.teacher.date-past",
                    Map.of("today", passed.today().toString()));
        } else {
            reply = unknownStudent(schoolClass, student);
        }
        Respond.privately(event, reply);
    }

    private void list(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        if (list.translating()) {
            // Families' words may wait for the translator (translation.timeout-ms): Discord wants an answer in 3 s.
            event.deferReply(true).queue();
        }
        String student = event.getOption("student", OptionMapping::getAsString);
        agreements
                .list(schoolClass, student)
                .ifPresentOrElse(
                        found -> Respond.privately(event, list.render(schoolClass, found)),
                        () -> Respond.privately(event, unknownStudent(schoolClass, student)));
    }

    private void done(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        String student = event.getOption("student", OptionMapping::getAsString);
        long agreementId;
        try {
            agreementId = Long.parseLong(
                    event.getOption("agreement", OptionMapping::getAsString).strip());
        } catch (NumberFormatException e) {
            agreementId = -1;
        }
        Agreements.Done done = agreements.done(
                schoolClass, student, agreementId, event.getUser().getIdLong());
        String key = switch (done) {
            case DONE -> "agreement.teacher.done";
            case ALREADY_DONE -> "agreement.teacher.already-done";
            case NOT_FOUND -> "agreement.teacher.not-found";
        };
        Respond.privately(event, texts.forClass(schoolClass, key, Map.of("student", DiscordLimits.echo(student))));
    }

    private String unknownStudent(SchoolClass schoolClass, String student) {
        return texts.forClass(schoolClass, "teacher.student.unknown", Map.of("student", DiscordLimits.echo(student)));
    }

    private LocalDate today(SchoolClass schoolClass) {
        return clock.instant().atZone(schoolClass.timezone()).toLocalDate();
    }
}
