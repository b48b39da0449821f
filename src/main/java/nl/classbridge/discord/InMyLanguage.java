package nl.classbridge.discord;

import java.util.Map;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.updates.PostInMyLanguage;

/**
 * The "🌐 In my language" button under a class update ({@code ul:<delivery id>}): answers the person
 * who pressed it privately with the post in their language ({@link PostInMyLanguage}). Everything
 * else goes on to the rest of the private conversation.
 */
public final class InMyLanguage implements PrivateConversation {
    private static final String PREFIX = "ul:";

    private final PostInMyLanguage posts;
    private final Texts texts;
    private final PrivateConversation next;

    public InMyLanguage(PostInMyLanguage posts, Texts texts, PrivateConversation next) {
        this.posts = posts;
        this.texts = texts;
        this.next = next;
    }

    /** The button under the post of outbox row {@code deliveryId}, labelled in the class language. */
    public static Button button(long deliveryId, SchoolClass schoolClass, Texts texts) {
        return Button.secondary(
                PREFIX + deliveryId,
                DiscordLimits.fit(
                        texts.forClass(schoolClass, "translation.button", Map.of()), DiscordLimits.BUTTON_LABEL));
    }

    @Override
    public boolean owns(String componentId) {
        return componentId.startsWith(PREFIX) || next.owns(componentId);
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        if (!event.getComponentId().startsWith(PREFIX)) {
            next.button(event);
            return;
        }
        long deliveryId;
        try {
            deliveryId = Long.parseLong(event.getComponentId().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
            return;
        }
        // The highlights may wait up to translation.timeout-ms for the translator: acknowledge first.
        event.deferReply(true).queue();
        PostInMyLanguage.Answer answer =
                posts.forPresser(deliveryId, event.getUser().getIdLong());
        if (answer instanceof PostInMyLanguage.Answer.Post post) {
            Respond.privately(event, DiscordText.MARKDOWN.render(post.text()));
        } else if (answer instanceof PostInMyLanguage.Answer.NotAFamily notAFamily) {
            Respond.privately(event, texts.forClass(notAFamily.schoolClass(), "translation.not-a-family", Map.of()));
        } else {
            Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
        }
    }

    @Override
    public void select(StringSelectInteractionEvent event) {
        next.select(event);
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        next.modal(event);
    }

    @Override
    public void directMessage(MessageReceivedEvent event) {
        next.directMessage(event);
    }
}
