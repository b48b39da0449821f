package nl.classbridge.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command: its definition (names and descriptions from {@code messages/commands.yml})
 * and its handler. Commands never register listeners themselves; the {@link CommandRouter}
 * calls them by name.
 */
public interface SlashCommand {
    /** The English name, as Discord sends it in every event. */
    String name();

    SlashCommandData definition(CommandDefinitions definitions);

    /** Whether only teachers may use it; the router checks before {@link #handle} is called. */
    boolean teacherOnly();

    /** Handles the command; must acknowledge the interaction (reply or defer) on every path. */
    void handle(SlashCommandInteractionEvent event);

    /** Suggestions while typing an option; the default suggests nothing. */
    default void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices().queue();
    }
}
