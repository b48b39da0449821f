package nl.classbridge.discord.preferences;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.preferences.PreferenceTexts;
import nl.classbridge.preferences.Preferences;

/**
 * {@code /preferences}, for families, in a DM with the bot or in the class channel; the answer is
 * always private: their communication plan in their language, with menus and forms to change it.
 * Someone who is not a parent in any class is told how to join.
 */
public final class PreferencesCommand implements SlashCommand {
    private final Preferences preferences;
    private final PreferencesView view;
    private final Texts texts;

    public PreferencesCommand(Preferences preferences, PreferenceTexts preferenceTexts, Texts texts) {
        this.preferences = preferences;
        this.view = new PreferencesView(preferenceTexts);
        this.texts = texts;
    }

    @Override
    public String name() {
        return "preferences";
    }

    @Override
    public boolean teacherOnly() {
        return false;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.everyoneCommand("preferences");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<Preferences.Family> family =
                preferences.ofDiscordUser(event.getUser().getIdLong());
        if (family.isEmpty()) {
            Respond.privately(event, texts.forSchool("preferences.discord.not-a-guardian", Map.of()));
            return;
        }
        Respond.privately(event, view.content(family.get(), Optional.empty()), view.rows(family.get()));
    }
}
