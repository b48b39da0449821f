package nl.classbridge.discord.commands;

import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import nl.classbridge.discord.DiscordText;
import nl.classbridge.discord.MarkdownFile;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Student;
import nl.classbridge.messages.Text;
import nl.classbridge.prep.PrepSheet;
import nl.classbridge.prep.PrepText;
import nl.classbridge.prep.Preparation;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.translation.FamilyWords;

/**
 * {@code /prep student:<name>}: the page to prepare a conversation with a child's parents, for the
 * class's teachers only and only ever privately. It fits one message, or comes as a Markdown file
 * with a short summary in the message.
 */
public final class PrepCommand implements SlashCommand {
    private final Preparation preparation;
    private final PrepText prepText;
    private final boolean translating;
    private final ClassChannel classChannel;
    private final StudentRepository students;
    private final Texts texts;

    public PrepCommand(Preparation preparation, ClassChannel classChannel, StudentRepository students, Texts texts) {
        this(preparation, classChannel, students, texts, FamilyWords.none());
    }

    /** With {@code familyWords}: what families wrote on the sheet in the class's language too (issue 15). */
    public PrepCommand(
            Preparation preparation,
            ClassChannel classChannel,
            StudentRepository students,
            Texts texts,
            FamilyWords familyWords) {
        this.preparation = preparation;
        this.translating = familyWords.on();
        this.prepText = new PrepText(texts.messages(), familyWords);
        this.classChannel = classChannel;
        this.students = students;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "prep";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.teacherCommand("prep").addOptions(defs.suggested("prep student", true));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        StudentNames.suggest(event, classChannel, students);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        classChannel.orExplain(event).ifPresent(schoolClass -> {
            String typed = event.getOption("student", "", OptionMapping::getAsString);
            Preparation.Prepared prepared =
                    preparation.prepare(schoolClass, event.getUser().getIdLong(), typed);
            if (prepared instanceof Preparation.Prepared.Sheet sheet) {
                if (translating) {
                    // Families' words may wait for the translator (translation.timeout-ms): Discord wants an answer in
                    // 3 s.
                    event.deferReply(true).queue();
                }
                send(event, sheet.sheet());
            } else {
                Respond.privately(
                        event,
                        texts.forClass(schoolClass, "prep.no-student", Map.of("student", DiscordLimits.echo(typed))));
            }
        });
    }

    /** The sheet in one private message when it fits; else the summary, with the whole sheet as a file. */
    private void send(SlashCommandInteractionEvent event, PrepSheet sheet) {
        Text whole = prepText.sheet(sheet);
        String message = DiscordText.MARKDOWN.render(whole);
        if (message.length() <= DiscordLimits.MESSAGE) {
            Respond.privately(event, message);
            return;
        }
        String summary = DiscordLimits.fit(DiscordText.MARKDOWN.render(prepText.summary(sheet)), DiscordLimits.MESSAGE);
        byte[] file = MarkdownFile.DOCUMENT.render(whole).getBytes(StandardCharsets.UTF_8);
        MessageCreateData reply = DiscordPost.builder(summary)
                .addFiles(FileUpload.fromData(file, fileName(sheet.student())))
                .build();
        if (event.isAcknowledged()) {
            event.getHook().sendMessage(reply).setEphemeral(true).queue();
        } else {
            event.reply(reply).setEphemeral(true).queue();
        }
    }

    /** "prep-sam.md": the child's name in plain letters, for every file system and mail program. */
    static String fileName(Student student) {
        return "prep-" + FileNames.plain(student.name(), String.valueOf(student.id())) + ".md";
    }
}
