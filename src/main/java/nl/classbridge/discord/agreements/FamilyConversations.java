package nl.classbridge.discord.agreements;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import nl.classbridge.discord.PrivateConversation;

/**
 * The private conversation with families as the router sees it: agreement buttons and forms to
 * {@link AgreementInteractions}, everything else (the check-in, typed DMs) to the check-in.
 */
public final class FamilyConversations implements PrivateConversation {
    private final PrivateConversation checkin;
    private final AgreementInteractions agreements;

    public FamilyConversations(PrivateConversation checkin, AgreementInteractions agreements) {
        this.checkin = checkin;
        this.agreements = agreements;
    }

    @Override
    public boolean owns(String componentId) {
        return agreements.owns(componentId) || checkin.owns(componentId);
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        if (agreements.owns(event.getComponentId())) {
            agreements.button(event);
        } else {
            checkin.button(event);
        }
    }

    @Override
    public void select(StringSelectInteractionEvent event) {
        checkin.select(event);
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        if (agreements.owns(event.getModalId())) {
            agreements.modal(event);
        } else {
            checkin.modal(event);
        }
    }

    @Override
    public void directMessage(MessageReceivedEvent event) {
        checkin.directMessage(event);
    }
}
