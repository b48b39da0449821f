package nl.classbridge.discord.commands;

import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.store.StudentRepository;

/** {@code /student add|list|remove}: the children of the class, by first name or nickname. */
public final class StudentCommand implements SlashCommand {
    private final ClassRoster roster;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;

    public StudentCommand(ClassRoster roster, ClassChannel classChannel, StudentRepository students, Texts texts) {
        this.roster = roster;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "student";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("student")
                .addSubcommands(
                        defs.subcommand("student add")
                                .addOptions(defs.option(
                                        net.dv8tion.jda.api.interactions.commands.OptionType.STRING,
                                        "student add name",
                                        true)),
                        defs.subcommand("student list"),
                        defs.subcommand("student remove").addOptions(defs.suggested("student remove name", true)));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            String name = event.getOption("name", OptionMapping::getAsString);
            switch (event.getSubcommandName()) {
                case "add" -> add(event, schoolClass, name);
                case "remove" -> remove(event, schoolClass, name);
                default -> list(event, schoolClass);
            }
        });
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    private void add(SlashCommandInteractionEvent event, SchoolClass schoolClass, String name) {
        ClassRoster.StudentAdded result =
                roster.addStudent(schoolClass, name, event.getUser().getIdLong());
        String reply;
        if (result instanceof ClassRoster.StudentAdded.Added added) {
            reply = texts.forClass(
                    schoolClass,
                    "teacher.student.added",
                    Map.of("student", added.student().name()));
        } else if (result instanceof ClassRoster.StudentAdded.AlreadyThere) {
            reply = texts.forClass(schoolClass, "teacher.student.exists", Map.of());
        } else {
            reply = texts.forClass(
                    schoolClass,
                    "teacher.student.name-invalid",
                    Map.of("max", nl.classbridge.domain.Student.MAX_NAME_LENGTH));
        }
        Respond.privately(event, reply);
    }

    private void remove(SlashCommandInteractionEvent event, SchoolClass schoolClass, String name) {
        String reply = roster.removeStudent(schoolClass, name, event.getUser().getIdLong())
                .map(removed -> texts.forClass(schoolClass, "teacher.student.removed", Map.of()))
                .orElseGet(() -> texts.forClass(
                        schoolClass, "teacher.student.unknown", Map.of("student", DiscordLimits.echo(name))));
        Respond.privately(event, reply);
    }

    private void list(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        var all = roster.students(schoolClass);
        if (all.isEmpty()) {
            Respond.privately(event, texts.forClass(schoolClass, "teacher.student.list-empty", Map.of()));
            return;
        }
        String lines = all.stream()
                .map(entry -> "• **" + texts.value(schoolClass, entry.student().name()) + "**: "
                        + channels(schoolClass, entry.guardians()))
                .collect(Collectors.joining("\n"));
        Respond.privately(event, lines);
    }

    private String channels(SchoolClass schoolClass, java.util.List<Guardian> guardians) {
        if (guardians.isEmpty()) {
            return "–";
        }
        return guardians.stream()
                .map(g -> texts.forClass(
                        schoolClass,
                        g.wantsDiscord() ? "teacher.checkin.channel.discord" : "teacher.checkin.channel.email",
                        Map.of()))
                .collect(Collectors.joining(", "));
    }
}
