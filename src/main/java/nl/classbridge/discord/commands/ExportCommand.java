package nl.classbridge.discord.commands;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordPost;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.privacy.AnswersExport;
import nl.classbridge.store.StudentRepository;

/**
 * {@code /export [student]}: the class's rounds and answers, or only those about one child, as a CSV
 * file under a private reply that says what it holds and that it is personal data. For the class's
 * teachers only, and only ever privately.
 */
public final class ExportCommand implements SlashCommand {
    private final AnswersExport export;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;

    public ExportCommand(AnswersExport export, ClassChannel classChannel, StudentRepository students, Texts texts) {
        this.export = export;
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("export").addOptions(defs.suggested("export student", false));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            Optional<String> typed = Optional.ofNullable(event.getOption("student", OptionMapping::getAsString));
            AnswersExport.Exported exported =
                    export.export(schoolClass, event.getUser().getIdLong(), typed);
            if (exported instanceof AnswersExport.Exported.File file) {
                send(event, schoolClass, file);
            } else {
                Respond.privately(
                        event,
                        texts.forClass(
                                schoolClass,
                                "export.no-student",
                                Map.of("student", DiscordLimits.echo(typed.orElse("")))));
            }
        });
    }

    private void send(SlashCommandInteractionEvent event, SchoolClass schoolClass, AnswersExport.Exported.File file) {
        String message = file.student()
                .map(student -> texts.forClass(
                        schoolClass, "export.sent-student", Map.of("student", student.name(), "rows", file.rows())))
                .orElseGet(() -> texts.forClass(schoolClass, "export.sent-class", Map.of("rows", file.rows())));
        String name = "export-" + FileNames.plain(schoolClass.name(), String.valueOf(schoolClass.id()))
                + file.student()
                        .map(student -> "-" + FileNames.plain(student.name(), String.valueOf(student.id())))
                        .orElse("")
                + ".csv";
        MessageCreateData reply = DiscordPost.builder(message)
                .addFiles(FileUpload.fromData(file.csv().getBytes(StandardCharsets.UTF_8), name))
                .build();
        if (event.isAcknowledged()) {
            event.getHook().sendMessage(reply).setEphemeral(true).queue();
        } else {
            event.reply(reply).setEphemeral(true).queue();
        }
    }
}
