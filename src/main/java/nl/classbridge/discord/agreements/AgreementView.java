package nl.classbridge.discord.agreements;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordPost;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Language;

/**
 * The DM that asks a guardian to confirm an agreement, in their language: the agreement, who does
 * it, the day to align again, and the two buttons. After an answer the same message shows it, with
 * the buttons kept, so pressing again changes the answer.
 */
public final class AgreementView {
    private final AgreementTexts texts;

    public AgreementView(AgreementTexts texts) {
        this.texts = texts;
    }

    public MessageCreateData create(Agreements.ForGuardian asked) {
        return DiscordPost.builder(content(asked)).setComponents(rows(asked)).build();
    }

    /** The message again after a press: the translation as it went out (cached), never a wait on the translator. */
    public MessageEditData edit(Agreements.ForGuardian asked) {
        return new MessageEditBuilder()
                .setContent(
                        DiscordLimits.fit(DiscordText.MARKDOWN.render(texts.askAgain(asked)), DiscordLimits.MESSAGE))
                .setComponents(rows(asked))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
    }

    /** The form for "I see it differently", with their earlier words to change. */
    public Modal wordsForm(Agreements.ForGuardian asked) {
        List<Language> chain = chain(asked);
        TextInput.Builder input = TextInput.create("words", TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(Math.min(Agreements.MAX_OWN_WORDS, TextInput.MAX_VALUE_LENGTH));
        asked.confirmation()
                .filter(c -> c.status() == ConfirmationStatus.DIFFERS)
                .flatMap(c -> c.ownWords())
                .ifPresent(input::setValue);
        return Modal.create(
                        AgreementIds.words(asked.agreement().id()),
                        DiscordLimits.fit(label("agreement.modal.title", chain), DiscordLimits.MODAL_TITLE))
                .addComponents(Label.of(
                        DiscordLimits.fit(label("agreement.modal.label", chain), DiscordLimits.TEXT_INPUT_LABEL),
                        input.build()))
                .build();
    }

    private String content(Agreements.ForGuardian asked) {
        // An agreement is at most a few hundred characters; cut only should that ever fail.
        return DiscordLimits.fit(DiscordText.MARKDOWN.render(texts.ask(asked)), DiscordLimits.MESSAGE);
    }

    private List<ActionRow> rows(Agreements.ForGuardian asked) {
        if (!asked.agreement().open()) {
            return List.of();
        }
        List<Language> chain = chain(asked);
        long id = asked.agreement().id();
        return List.of(ActionRow.of(
                Button.success(
                        AgreementIds.confirm(id),
                        DiscordLimits.fit(label("agreement.button.confirm", chain), DiscordLimits.BUTTON_LABEL)),
                Button.secondary(
                        AgreementIds.differs(id),
                        DiscordLimits.fit(label("agreement.button.differs", chain), DiscordLimits.BUTTON_LABEL))));
    }

    private List<Language> chain(Agreements.ForGuardian asked) {
        return texts.messages().chainFor(asked.guardian(), asked.schoolClass());
    }

    private String label(String key, List<Language> chain) {
        return texts.messages().text(key, chain, Map.of()).words();
    }
}
