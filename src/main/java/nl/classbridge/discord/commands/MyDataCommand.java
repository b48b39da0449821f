package nl.classbridge.discord.commands;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Guardian;
import nl.classbridge.privacy.MyData;
import nl.classbridge.privacy.PrivacyEmails;
import nl.classbridge.store.GuardianRepository;

/**
 * {@code /my-data}, for parents, in a DM with the bot or in the class channel: everything stored
 * about the person using it, as two files under a private reply. Someone who is no parent here is
 * told so; nobody can ask for anyone else's data.
 */
public final class MyDataCommand implements SlashCommand {
    private final MyData myData;
    private final GuardianRepository guardians;
    private final PrivacyEmails languages;
    private final Texts texts;

    public MyDataCommand(MyData myData, GuardianRepository guardians, PrivacyEmails languages, Texts texts) {
        this.myData = myData;
        this.guardians = guardians;
        this.languages = languages;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "my-data";
    }

    @Override
    public boolean teacherOnly() {
        return false;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.everyoneCommand("my-data");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<Guardian> guardian =
                guardians.findByDiscordUser(event.getUser().getIdLong());
        if (guardian.isEmpty()) {
            Respond.privately(event, texts.forSchool("mydata.not-guardian", Map.of()));
            return;
        }
        MyData.Report report = myData.of(guardian.get());
        String message = texts.inChain("mydata.reply", languages.languagesOf(guardian.get()), Map.of());
        FamilyFiles.send(event, message, report, "my-data");
    }
}
