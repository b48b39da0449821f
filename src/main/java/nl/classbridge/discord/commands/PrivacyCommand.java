package nl.classbridge.discord.commands;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.ComponentHandler;
import nl.classbridge.discord.SlashCommand;

/**
 * {@code /privacy}: the school's accountability. Each subcommand is a class of its own (who read
 * what: {@code audit}; a family's request made on paper or by phone: {@code request}) and checks
 * its own callers: the router only lets teachers and server managers in.
 */
public final class PrivacyCommand implements SlashCommand, ComponentHandler {
    /** One of {@code /privacy}'s subcommands. */
    public interface Subcommand {
        /** The English name, as Discord sends it. */
        String name();

        SubcommandData definition(CommandDefinitions defs);

        /** Handles it; must acknowledge the interaction on every path. */
        void handle(SlashCommandInteractionEvent event);

        default void autocomplete(CommandAutoCompleteInteractionEvent event) {
            event.replyChoices().queue();
        }
    }

    private final Map<String, Subcommand> subcommands;

    public PrivacyCommand(List<Subcommand> subcommands) {
        this.subcommands =
                subcommands.stream().collect(Collectors.toUnmodifiableMap(Subcommand::name, Function.identity()));
    }

    @Override
    public String name() {
        return "privacy";
    }

    @Override
    public boolean teacherOnly() {
        return true;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        SlashCommandData command = defs.teacherCommand("privacy");
        subcommands.values().stream()
                .sorted(Comparator.comparing(Subcommand::name))
                .forEach(subcommand -> command.addSubcommands(subcommand.definition(defs)));
        return command;
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Subcommand subcommand = subcommands.get(event.getSubcommandName());
        if (subcommand == null) { // only what definition() registered can arrive
            throw new IllegalStateException("no /privacy subcommand " + event.getSubcommandName());
        }
        subcommand.handle(event);
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        Subcommand subcommand = subcommands.get(event.getSubcommandName());
        if (subcommand == null) {
            event.replyChoices().queue();
        } else {
            subcommand.autocomplete(event);
        }
    }

    /** The subcommand whose own buttons these are (a confirm button, say), if any. */
    private Optional<ComponentHandler> handlerOf(String id) {
        return subcommands.values().stream()
                .filter(subcommand -> subcommand instanceof ComponentHandler)
                .map(subcommand -> (ComponentHandler) subcommand)
                .filter(handler -> handler.owns(id))
                .findFirst();
    }

    @Override
    public boolean owns(String id) {
        return handlerOf(id).isPresent();
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        handlerOf(event.getComponentId()).orElseThrow().button(event);
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        handlerOf(event.getModalId()).orElseThrow().modal(event);
    }
}
