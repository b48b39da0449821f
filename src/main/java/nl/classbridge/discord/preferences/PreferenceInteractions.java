package nl.classbridge.discord.preferences;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import nl.classbridge.discord.PrivateConversation;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.Texts;
import nl.classbridge.preferences.Change;
import nl.classbridge.preferences.PreferenceTexts;
import nl.classbridge.preferences.PreferenceWords;
import nl.classbridge.preferences.Preferences;

/**
 * The menus, buttons and forms of the {@code /preferences} answer ({@code pf:} ids), each turned into
 * one call on {@link Preferences} for the person pressing; the answer is then edited in place with
 * what came of it. Everything else goes on to the rest of the family conversation. A press by
 * someone else, an id made up or a value not offered changes nothing and is answered privately as
 * not theirs.
 */
public final class PreferenceInteractions implements PrivateConversation {
    private final Preferences preferences;
    private final PreferenceWords words;
    private final PreferenceTexts texts;
    private final PreferencesView view;
    private final Texts discordTexts;
    private final PrivateConversation next;

    public PreferenceInteractions(
            Preferences preferences,
            PreferenceWords words,
            PreferenceTexts texts,
            Texts discordTexts,
            PrivateConversation next) {
        this.preferences = preferences;
        this.words = words;
        this.texts = texts;
        this.view = new PreferencesView(texts);
        this.discordTexts = discordTexts;
        this.next = next;
    }

    @Override
    public boolean owns(String componentId) {
        return PreferenceIds.owns(componentId) || next.owns(componentId);
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        if (!PreferenceIds.owns(event.getComponentId())) {
            next.button(event);
            return;
        }
        Optional<Preferences.Family> family = theirs(event, event.getComponentId());
        Optional<PreferenceIds.Id> id = PreferenceIds.parse(event.getComponentId());
        Optional<net.dv8tion.jda.api.modals.Modal> form =
                family.flatMap(f -> view.form(f, id.orElseThrow().action()));
        if (form.isEmpty()) {
            notYours(event);
            return;
        }
        event.replyModal(form.get()).queue();
    }

    @Override
    public void select(StringSelectInteractionEvent event) {
        if (!PreferenceIds.owns(event.getComponentId())) {
            next.select(event);
            return;
        }
        Optional<Preferences.Family> family = theirs(event, event.getComponentId());
        List<String> values = event.getValues();
        if (family.isEmpty() || values.size() != 1) {
            notYours(event);
            return;
        }
        long guardianId = family.get().guardian().id();
        long actor = event.getUser().getIdLong();
        String value = values.get(0);
        Change change = switch (PreferenceIds.parse(event.getComponentId())
                .orElseThrow()
                .action()) {
            case LANGUAGE -> preferences.setLanguage(guardianId, value, actor);
            case CHANNEL -> preferences.setChannel(guardianId, value, actor);
            case TIMES -> preferences.setContactTimes(guardianId, value, actor);
            default -> new Change.Invalid(Change.Field.CHANNEL);
        };
        if (change instanceof Change.Invalid) {
            // Only the values offered can come from the menu: anything else was made up.
            notYours(event);
            return;
        }
        show(event, guardianId, change);
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        if (!PreferenceIds.owns(event.getModalId())) {
            next.modal(event);
            return;
        }
        Optional<Preferences.Family> family = theirs(event, event.getModalId());
        if (family.isEmpty()) {
            notYours(event);
            return;
        }
        long guardianId = family.get().guardian().id();
        long actor = event.getUser().getIdLong();
        Change change;
        switch (PreferenceIds.parse(event.getModalId()).orElseThrow().action()) {
            case QUIET_FORM -> {
                String typed = value(event, "quiet");
                change = preferences.setQuietHours(guardianId, typed, words.school(typed), actor);
            }
            case EMAIL_FORM -> change = preferences.requestEmail(guardianId, value(event, "email"), actor);
            case CODE_FORM -> change = preferences.confirmEmail(guardianId, value(event, "code"), actor);
            default -> {
                notYours(event);
                return;
            }
        }
        show(event, guardianId, change);
    }

    @Override
    public void directMessage(MessageReceivedEvent event) {
        next.directMessage(event);
    }

    /** The answer edited in place when it can be, else a new private answer. */
    private <T extends IReplyCallback & net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback> void show(
            T event, long guardianId, Change change) {
        Preferences.Family now = preferences.family(guardianId).orElseThrow();
        var outcome = Optional.of(texts.outcome(change, texts.chain(now)));
        if (event instanceof ModalInteractionEvent modal && modal.getMessage() == null) {
            Respond.privately(event, view.content(now, outcome), view.rows(now));
            return;
        }
        event.editMessage(view.edit(now, outcome)).queue();
    }

    /** The family of the person pressing, when the component was shown to them. */
    private Optional<Preferences.Family> theirs(IReplyCallback event, String componentId) {
        Optional<PreferenceIds.Id> id = PreferenceIds.parse(componentId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return preferences
                .ofDiscordUser(event.getUser().getIdLong())
                .filter(f -> f.guardian().id() == id.get().guardianId());
    }

    private static String value(ModalInteractionEvent event, String input) {
        ModalMapping mapping = event.getValue(input);
        return mapping == null ? "" : mapping.getAsString();
    }

    private void notYours(IReplyCallback event) {
        Respond.privately(event, discordTexts.forSchool("checkin.not-yours", Map.of()));
    }
}
