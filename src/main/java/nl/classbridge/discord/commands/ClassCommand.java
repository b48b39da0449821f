package nl.classbridge.discord.commands;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.messages.Texts;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;

/** {@code /class setup} binds the channel as the class channel; {@code /class info} shows it. */
public final class ClassCommand implements SlashCommand {
    private final ClassRoster roster;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final Texts texts;

    public ClassCommand(ClassRoster roster, ClassChannel classChannel, StudentRepository students,
            GuardianRepository guardians, Texts texts) {
        this.roster = roster;
        this.classChannel = classChannel;
        this.students = students;
        this.guardians = guardians;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "class";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("class").addSubcommands(
                defs.subcommand("class setup").addOptions(
                        defs.option(OptionType.STRING, "class setup name", true),
                        defs.language("class setup language", false),
                        defs.option(OptionType.STRING, "class setup timezone", false)),
                defs.subcommand("class info"));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if ("setup".equals(event.getSubcommandName())) {
            setUp(event);
        } else {
            classChannel.orExplain(event).ifPresent(schoolClass -> info(event, schoolClass));
        }
    }

    private void setUp(SlashCommandInteractionEvent event) {
        ClassRoster.SetUp result = roster.setUp(event.getGuild().getIdLong(), event.getChannel().getIdLong(),
                event.getOption("name", OptionMapping::getAsString),
                Optional.ofNullable(event.getOption("language", OptionMapping::getAsString)),
                Optional.ofNullable(event.getOption("timezone", OptionMapping::getAsString)),
                event.getUser().getIdLong(), event.getMember().getEffectiveName());
        SchoolClass schoolClass;
        if (result instanceof ClassRoster.SetUp.Created created) {
            schoolClass = created.schoolClass();
        } else if (result instanceof ClassRoster.SetUp.Updated updated) {
            schoolClass = updated.schoolClass();
        } else {
            Respond.privately(event, invalid(result));
            return;
        }
        Respond.privately(event, texts.forClass(schoolClass, "teacher.class.setup-done", Map.of(
                "class", schoolClass.name(),
                "language", schoolClass.language().nativeName(),
                "timezone", schoolClass.timezone().getId())));
    }

    private String invalid(ClassRoster.SetUp result) {
        if (result instanceof ClassRoster.SetUp.LanguageInvalid) {
            return texts.forSchool("teacher.option-invalid", Map.of("option", "language", "expected", Language.codes()));
        }
        if (result instanceof ClassRoster.SetUp.TimezoneInvalid) {
            return texts.forSchool("teacher.option-invalid", Map.of("option", "timezone", "expected", "Europe/Amsterdam"));
        }
        return texts.forSchool("teacher.option-invalid", Map.of("option", "name",
                "expected", "1-" + ClassRoster.MAX_CLASS_NAME));
    }

    private void info(SlashCommandInteractionEvent event, SchoolClass schoolClass) {
        Respond.privately(event, texts.forClass(schoolClass, "teacher.class.info", Map.of(
                "class", schoolClass.name(),
                "channel", "#" + event.getChannel().getName(),
                "language", schoolClass.language().nativeName(),
                "timezone", schoolClass.timezone().getId(),
                "students", students.inClass(schoolClass.id()).size(),
                "guardians", guardians.inClass(schoolClass.id()).size())));
    }
}
