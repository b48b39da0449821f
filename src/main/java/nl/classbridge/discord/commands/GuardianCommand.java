package nl.classbridge.discord.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.GuardianLink;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.messages.Dates;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /guardian add-email|list|remove}: families without Discord by email, and who is linked
 * to which child. The list, for the teacher's eyes only, shows each guardian by number, their name
 * on Discord (or their email address), when they joined, their channel and its state: a code that
 * reached the wrong person is seen there, and undone with {@code /guardian remove}.
 */
public final class GuardianCommand implements SlashCommand {
    private final ClassRoster roster;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;

    public GuardianCommand(ClassRoster roster, ClassChannel classChannel, StudentRepository students, Texts texts) {
        this.roster = roster;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "guardian";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("guardian")
                .addSubcommands(
                        defs.subcommand("guardian add-email")
                                .addOptions(
                                        defs.suggested("guardian add-email student", true),
                                        defs.option(OptionType.STRING, "guardian add-email email", true),
                                        defs.language("guardian add-email language", false)),
                        defs.subcommand("guardian list"),
                        defs.subcommand("guardian remove")
                                .addOptions(
                                        defs.suggested("guardian remove student", true),
                                        defs.option(OptionType.INTEGER, "guardian remove guardian", true)));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            switch (event.getSubcommandName()) {
                case "add-email" -> addEmail(event, schoolClass);
                case "remove" -> remove(event, schoolClass);
                default -> list(event, schoolClass);
            }
        });
    }

    private void addEmail(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        String student = event.getOption("student", OptionMapping::getAsString);
        var result = roster.addEmailGuardian(
                schoolClass,
                student,
                event.getOption("email", OptionMapping::getAsString),
                Optional.ofNullable(event.getOption("language", OptionMapping::getAsString)),
                event.getUser().getIdLong());
        String reply;
        if (result instanceof ClassRoster.EmailGuardianAdded.Added added) {
            reply = texts.forClass(
                    schoolClass,
                    "teacher.guardian.added-email",
                    Map.of("student", added.student().name()));
        } else if (result instanceof ClassRoster.EmailGuardianAdded.UnknownStudent) {
            reply = texts.forClass(
                    schoolClass, "teacher.student.unknown", Map.of("student", DiscordLimits.echo(student)));
        } else if (result instanceof ClassRoster.EmailGuardianAdded.LanguageInvalid invalid) {
            reply = texts.forClass(
                    schoolClass,
                    "teacher.option-invalid",
                    Map.of("option", "language", "expected", nl.classbridge.domain.Language.codes()));
        } else {
            reply = texts.forClass(schoolClass, "teacher.guardian.email-invalid", Map.of());
        }
        Respond.privately(event, reply);
    }

    private void remove(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        String name = event.getOption("student", OptionMapping::getAsString);
        long guardianId = event.getOption("guardian", OptionMapping::getAsLong);
        String reply = roster.findStudent(schoolClass, name)
                .map(student -> roster.removeGuardian(
                                schoolClass,
                                student,
                                guardianId,
                                event.getUser().getIdLong())
                        ? texts.forClass(schoolClass, "teacher.guardian.removed", Map.of())
                        : texts.forClass(
                                schoolClass,
                                "teacher.option-invalid",
                                Map.of("option", "guardian", "expected", "/guardian list")))
                .orElseGet(() -> texts.forClass(
                        schoolClass, "teacher.student.unknown", Map.of("student", DiscordLimits.echo(name))));
        Respond.privately(event, reply);
    }

    private void list(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        List<String> lines = new ArrayList<>();
        for (var entry : roster.students(schoolClass)) {
            for (GuardianLink link : entry.links()) {
                Guardian guardian = link.guardian();
                String who = link.discordName()
                        .or(guardian::email)
                        .orElseGet(() -> texts.forClass(schoolClass, "teacher.guardian.name-unknown", Map.of()));
                lines.add("• "
                        + texts.forClass(
                                schoolClass,
                                "teacher.guardian.line",
                                Map.of(
                                        "student",
                                        entry.student().name(),
                                        "number",
                                        guardian.id(),
                                        "who",
                                        who,
                                        "channel",
                                        describe(schoolClass, guardian),
                                        "date",
                                        Dates.day(link.linkedAt(), schoolClass.timezone(), schoolClass.language()))));
            }
        }
        Respond.privately(
                event,
                lines.isEmpty()
                        ? texts.forClass(schoolClass, "teacher.guardian.list-empty", Map.of())
                        : String.join("\n", lines));
    }

    private String describe(SchoolClass schoolClass, Guardian guardian) {
        String channel = texts.forClass(
                schoolClass,
                guardian.wantsDiscord() ? "teacher.checkin.channel.discord" : "teacher.checkin.channel.email",
                Map.of());
        if (guardian.unreachable()) {
            return channel + " (" + texts.forClass(schoolClass, "teacher.checkin.state.unreachable", Map.of()) + ")";
        }
        if (guardian.emailInvalid()) {
            return channel + " (" + texts.forClass(schoolClass, "teacher.checkin.state.bounced", Map.of()) + ")";
        }
        return channel;
    }
}
