package nl.classbridge.discord.agreements;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.store.GuardianRepository;

/**
 * A guardian's "That's right" and "I see it differently" (with the form for their own words) on an
 * agreement's DM, turned into one call on {@link Agreements}; the message then shows the answer. Who
 * answers is the person pressing, never the id: a forged id or someone else's press gets a private
 * "not yours" and changes nothing.
 */
public final class AgreementInteractions {
    private final Agreements agreements;
    private final GuardianRepository guardians;
    private final AgreementView view;
    private final Texts texts;

    public AgreementInteractions(Agreements agreements, GuardianRepository guardians, AgreementView view, Texts texts) {
        this.agreements = agreements;
        this.guardians = guardians;
        this.view = view;
        this.texts = texts;
    }

    public boolean owns(String componentId) {
        return AgreementIds.owns(componentId);
    }

    public void button(ButtonInteractionEvent event) {
        Optional<AgreementIds.Id> id = AgreementIds.parse(event.getComponentId());
        Optional<Guardian> guardian = guardianOf(event);
        if (id.isEmpty() || guardian.isEmpty() || id.get().action() == AgreementIds.Action.WORDS) {
            notYours(event);
            return;
        }
        long agreementId = id.get().agreementId();
        if (id.get().action() == AgreementIds.Action.DIFFERS) {
            Optional<Agreements.ForGuardian> theirs =
                    agreements.forGuardian(agreementId, guardian.get().id());
            if (theirs.isEmpty()) {
                notYours(event);
            } else {
                event.replyModal(view.wordsForm(theirs.get())).queue();
            }
            return;
        }
        show(
                event,
                agreements.answer(agreementId, guardian.get().id(), ConfirmationStatus.CONFIRMED, Optional.empty()));
    }

    public void modal(ModalInteractionEvent event) {
        Optional<AgreementIds.Id> id = AgreementIds.parse(event.getModalId());
        Optional<Guardian> guardian = guardianOf(event);
        if (id.isEmpty() || guardian.isEmpty() || id.get().action() != AgreementIds.Action.WORDS) {
            notYours(event);
            return;
        }
        var mapping = event.getValue("words");
        Optional<String> words = Optional.ofNullable(mapping).map(m -> m.getAsString());
        show(event, agreements.answer(id.get().agreementId(), guardian.get().id(), ConfirmationStatus.DIFFERS, words));
    }

    private <T extends IReplyCallback & IMessageEditCallback> void show(T event, Agreements.Answered answered) {
        if (answered instanceof Agreements.Answered.Saved saved) {
            event.editMessage(view.edit(saved.now())).queue();
        } else if (answered instanceof Agreements.Answered.Closed closed) {
            Respond.privately(
                    event,
                    texts.forGuardian(
                            closed.agreement().guardian(),
                            closed.agreement().schoolClass(),
                            "agreement.family.closed",
                            Map.of()));
        } else if (answered instanceof Agreements.Answered.WordsInvalid invalid) {
            Respond.privately(event, texts.forSchool("agreement.family.words-invalid", Map.of("max", invalid.max())));
        } else {
            notYours(event);
        }
    }

    private Optional<Guardian> guardianOf(IReplyCallback event) {
        return guardians.findByDiscordUser(event.getUser().getIdLong());
    }

    private void notYours(IReplyCallback event) {
        Respond.privately(event, texts.forSchool("checkin.not-yours", Map.of()));
    }
}
