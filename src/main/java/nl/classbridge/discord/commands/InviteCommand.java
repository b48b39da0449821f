package nl.classbridge.discord.commands;

import java.util.Map;
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
import nl.classbridge.messages.Dates;
import nl.classbridge.roster.ClassRoster;
import nl.classbridge.roster.Enrolment;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /invite student:<name>}: a one-time code for a guardian of that child, with a short text
 * in the class language that the teacher passes on (by mail, chat app or on paper).
 */
public final class InviteCommand implements SlashCommand {
    private final Enrolment enrolment;
    private final ClassRoster roster;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;
    private final String schoolName;

    public InviteCommand(
            Enrolment enrolment,
            ClassRoster roster,
            ClassChannel classChannel,
            StudentRepository students,
            Texts texts,
            String schoolName) {
        this.enrolment = enrolment;
        this.roster = roster;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
        this.schoolName = schoolName;
    }

    @Override
    public String name() {
        return "invite";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("invite").addOptions(defs.suggested("invite student", true));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            String name = event.getOption("student", OptionMapping::getAsString);
            roster.findStudent(schoolClass, name)
                    .ifPresentOrElse(
                            student -> {
                                Enrolment.IssuedInvite invite = enrolment.invite(
                                        student, event.getUser().getIdLong());
                                String expires =
                                        Dates.day(invite.expiresAt(), schoolClass.timezone(), schoolClass.language());
                                String forTeacher = texts.forClass(
                                        schoolClass,
                                        "teacher.invite.created",
                                        Map.of("student", student.name(), "code", invite.code(), "expires", expires));
                                String forParent = texts.forClass(
                                        schoolClass,
                                        "join.invite-text",
                                        Map.of(
                                                "code",
                                                invite.code(),
                                                "child",
                                                student.name(),
                                                "class",
                                                schoolClass.name(),
                                                "school",
                                                schoolName,
                                                "expires",
                                                expires));
                                Respond.privately(event, forTeacher + "\n\n" + forParent);
                            },
                            () -> Respond.privately(
                                    event,
                                    texts.forClass(
                                            schoolClass,
                                            "teacher.student.unknown",
                                            Map.of("student", DiscordLimits.echo(name)))));
        });
    }
}
