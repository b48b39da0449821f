package nl.classbridge.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** A command's own buttons and forms (ids with its prefix), handled after the teacher check. */
public interface ComponentHandler {
    /** Whether a component or form id is this handler's. */
    boolean owns(String id);

    void button(ButtonInteractionEvent event);

    void modal(ModalInteractionEvent event);

    /**
     * Whether only teachers may press these (checked again at each press); a family command's own
     * buttons ({@code /forget-me}) say false and check the person pressing themselves.
     */
    default boolean forTeachers() {
        return true;
    }
}
