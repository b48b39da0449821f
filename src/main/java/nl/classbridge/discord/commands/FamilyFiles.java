package nl.classbridge.discord.commands;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordPost;
import nl.classbridge.discord.MarkdownFile;
import nl.classbridge.privacy.MyData;

/**
 * A family's data as two files under a private reply: {@code my-data.md} to read (Markdown, which
 * Discord shows and every text editor opens) and {@code my-data.json} for programs. For
 * {@code /my-data} and {@code /privacy request kind:access} alike.
 */
final class FamilyFiles {
    private FamilyFiles() {}

    /** Replies privately with {@code message} and the two files of {@code report}. */
    static void send(SlashCommandInteractionEvent event, String message, MyData.Report report, String baseName) {
        List<FileUpload> files = List.of(
                FileUpload.fromData(
                        MarkdownFile.DOCUMENT.render(report.text()).getBytes(StandardCharsets.UTF_8), baseName + ".md"),
                FileUpload.fromData(report.json().getBytes(StandardCharsets.UTF_8), baseName + ".json"));
        MessageCreateData reply = DiscordPost.builder(DiscordLimits.fit(message, DiscordLimits.MESSAGE))
                .addFiles(files)
                .build();
        if (event.isAcknowledged()) {
            event.getHook().sendMessage(reply).setEphemeral(true).queue();
        } else {
            event.reply(reply).setEphemeral(true).queue();
        }
    }
}
