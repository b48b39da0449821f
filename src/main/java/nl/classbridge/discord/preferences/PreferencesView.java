package nl.classbridge.discord.preferences;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import nl.classbridge.checkin.questionnaire.Option;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.EmailAddress;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text;
import nl.classbridge.preferences.PreferenceTexts;
import nl.classbridge.preferences.Preferences;

/**
 * The {@code /preferences} answer on Discord: the plan in the family's language, a menu each for
 * language, channel and best time, and buttons for the forms (quiet hours, a new address, the code
 * once one was sent). Shown privately, and edited in place after each change with what came of it.
 */
public final class PreferencesView {
    private final PreferenceTexts texts;

    public PreferencesView(PreferenceTexts texts) {
        this.texts = texts;
    }

    /** The plan's text, with what came of the last change above it. */
    public String content(Preferences.Family family, Optional<Text> outcome) {
        List<Language> chain = texts.chain(family);
        StringBuilder content = new StringBuilder();
        outcome.ifPresent(
                o -> content.append("**").append(DiscordText.MARKDOWN.render(o)).append("**\n\n"));
        content.append(DiscordText.MARKDOWN.render(texts.plan(family)));
        content.append("\n\n").append(texts.text("discord.intro", chain, Map.of()));
        return DiscordLimits.fit(content.toString(), DiscordLimits.MESSAGE);
    }

    public MessageEditData edit(Preferences.Family family, Optional<Text> outcome) {
        return new MessageEditBuilder()
                .setContent(content(family, outcome))
                .setComponents(rows(family))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    public List<ActionRow> rows(Preferences.Family family) {
        List<Language> chain = texts.chain(family);
        long id = family.guardian().id();
        List<ActionRow> rows = new ArrayList<>();
        StringSelectMenu.Builder language = StringSelectMenu.create(PreferenceIds.of(PreferenceIds.Action.LANGUAGE, id))
                .setPlaceholder(
                        fit(texts.text("discord.pick-language", chain, Map.of()), DiscordLimits.SELECT_PLACEHOLDER));
        for (Language l : Language.values()) {
            language.addOption(l.nativeName(), l.code());
        }
        rows.add(ActionRow.of(language.build()));
        StringSelectMenu.Builder channel = StringSelectMenu.create(PreferenceIds.of(PreferenceIds.Action.CHANNEL, id))
                .setPlaceholder(
                        fit(texts.text("discord.pick-channel", chain, Map.of()), DiscordLimits.SELECT_PLACEHOLDER));
        for (ContactChannel c : ContactChannel.values()) {
            channel.addOption(fit(texts.channel(c.code(), chain), DiscordLimits.SELECT_OPTION_LABEL), c.code());
        }
        rows.add(ActionRow.of(channel.build()));
        List<Option> times = texts.contactTimeOptions();
        if (!times.isEmpty()) {
            StringSelectMenu.Builder menu = StringSelectMenu.create(PreferenceIds.of(PreferenceIds.Action.TIMES, id))
                    .setPlaceholder(
                            fit(texts.text("discord.pick-times", chain, Map.of()), DiscordLimits.SELECT_PLACEHOLDER));
            for (Option option : times.subList(0, Math.min(times.size(), DiscordLimits.SELECT_OPTIONS))) {
                menu.addOption(fit(option.label(chain.get(0)), DiscordLimits.SELECT_OPTION_LABEL), option.id());
            }
            rows.add(ActionRow.of(menu.build()));
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.secondary(
                PreferenceIds.of(PreferenceIds.Action.QUIET, id), button("discord.quiet-button", chain)));
        buttons.add(Button.secondary(
                PreferenceIds.of(PreferenceIds.Action.EMAIL, id), button("discord.email-button", chain)));
        if (family.pendingEmail().isPresent()) {
            buttons.add(Button.primary(
                    PreferenceIds.of(PreferenceIds.Action.CODE, id), button("discord.code-button", chain)));
        }
        rows.add(ActionRow.of(buttons));
        return rows;
    }

    /** The form a button opens, if the button opens one. */
    public Optional<Modal> form(Preferences.Family family, PreferenceIds.Action action) {
        List<Language> chain = texts.chain(family);
        long id = family.guardian().id();
        return switch (action) {
            case QUIET ->
                Optional.of(form(
                        PreferenceIds.of(PreferenceIds.Action.QUIET_FORM, id),
                        texts.text("discord.quiet-title", chain, Map.of()),
                        texts.text("discord.quiet-label", chain, Map.of()),
                        Optional.of(texts.text("discord.quiet-hint", chain, Map.of())),
                        "quiet",
                        60));
            case EMAIL ->
                Optional.of(form(
                        PreferenceIds.of(PreferenceIds.Action.EMAIL_FORM, id),
                        texts.text("discord.email-title", chain, Map.of()),
                        texts.text("discord.email-label", chain, Map.of()),
                        Optional.empty(),
                        "email",
                        EmailAddress.MAX_LENGTH));
            case CODE ->
                Optional.of(form(
                        PreferenceIds.of(PreferenceIds.Action.CODE_FORM, id),
                        texts.text("discord.code-title", chain, Map.of()),
                        texts.text("discord.code-label", chain, Map.of()),
                        Optional.empty(),
                        "code",
                        20));
            default -> Optional.empty();
        };
    }

    private static Modal form(String id, String title, String label, Optional<String> hint, String input, int longest) {
        TextInput.Builder field = TextInput.create(input, TextInputStyle.SHORT)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(longest);
        hint.ifPresent(h -> field.setPlaceholder(fit(h, TextInput.MAX_PLACEHOLDER_LENGTH)));
        return Modal.create(id, fit(title, DiscordLimits.MODAL_TITLE))
                .addComponents(Label.of(fit(label, DiscordLimits.TEXT_INPUT_LABEL), field.build()))
                .build();
    }

    private String button(String key, List<Language> chain) {
        return fit(texts.text(key, chain, Map.of()), DiscordLimits.BUTTON_LABEL);
    }

    private static String fit(String text, int max) {
        return DiscordLimits.fit(text, max);
    }
}
