package nl.classbridge.discord.commands;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Language;
import nl.classbridge.roster.Invitations;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /invite student:<name> [language]}: a one-time code for a guardian of that child, with a
 * text the teacher passes on (by mail, chat app or on paper): wholly in the chosen language, or
 * else in the class language with one short line in each other language.
 */
public final class InviteCommand implements SlashCommand {
    private final Invitations invitations;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;

    public InviteCommand(Invitations invitations, ClassChannel classChannel, StudentRepository students, Texts texts) {
        this.invitations = invitations;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
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
        return defs.teacherCommand("invite")
                .addOptions(defs.suggested("invite student", true), defs.language("invite language", false));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            String name = event.getOption("student", OptionMapping::getAsString);
            Invitations.Result result = invitations.invite(
                    schoolClass,
                    name,
                    event.getUser().getIdLong(),
                    Optional.ofNullable(event.getOption("language", OptionMapping::getAsString)));
            String reply;
            if (result instanceof Invitations.Issued issued) {
                String lines = issued.otherLanguages().stream()
                        .map(DiscordText.MARKDOWN::render)
                        .collect(Collectors.joining("\n"));
                reply = DiscordText.MARKDOWN.render(issued.forTeacher())
                        + "\n\n"
                        + DiscordText.MARKDOWN.render(issued.forParent())
                        + (lines.isEmpty() ? "" : "\n\n" + lines);
            } else if (result instanceof Invitations.LanguageInvalid) {
                reply = texts.forClass(
                        schoolClass,
                        "teacher.option-invalid",
                        Map.of("option", "language", "expected", Language.codes()));
            } else {
                reply = texts.forClass(
                        schoolClass, "teacher.student.unknown", Map.of("student", DiscordLimits.echo(name)));
            }
            Respond.privately(event, reply);
        });
    }
}
