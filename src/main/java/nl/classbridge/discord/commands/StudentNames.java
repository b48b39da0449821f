package nl.classbridge.discord.commands;

import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.store.StudentRepository;

/** Suggests the class's children by name while a teacher types a student option. */
final class StudentNames {

    private StudentNames() {}

    static void suggest(
            CommandAutoCompleteInteractionEvent event, ClassChannel classChannel, StudentRepository students) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        var choices = classChannel
                .of(event)
                .map(schoolClass -> students.inClass(schoolClass.id()).stream()
                        .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(typed))
                        .limit(DiscordLimits.SELECT_OPTIONS)
                        .map(s -> new Command.Choice(s.name(), s.name()))
                        .toList())
                .orElse(java.util.List.of());
        event.replyChoices(choices).queue();
    }
}
