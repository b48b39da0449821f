package nl.classbridge.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/**
 * The private conversation with families (the check-in, {@code discord.checkin}): the buttons, menus
 * and forms whose ids it owns, and what people type to the bot in a DM. The {@link CommandRouter}
 * hands these over without knowing what the conversation is about.
 */
public interface PrivateConversation {
    /** Whether a component or form id belongs to the conversation. */
    boolean owns(String componentId);

    void button(ButtonInteractionEvent event);

    void select(StringSelectInteractionEvent event);

    void modal(ModalInteractionEvent event);

    /** A DM typed to the bot by a person (never a bot). */
    void directMessage(MessageReceivedEvent event);
}
