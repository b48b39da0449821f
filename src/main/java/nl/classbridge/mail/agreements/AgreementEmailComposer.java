package nl.classbridge.mail.agreements;

import java.util.Optional;
import nl.classbridge.agreements.AgreementMail;
import nl.classbridge.agreements.AgreementTexts;
import nl.classbridge.agreements.Agreements;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.mail.ComposedEmail;
import nl.classbridge.mail.EmailComposer;
import nl.classbridge.mail.MailText;
import nl.classbridge.mail.ReplyTokens;
import nl.classbridge.store.GuardianRepository;

/**
 * The agreement emails, rendered when they go out in the guardian's language: the agreement to
 * confirm, with the agreement's own reply token (so a verified reply answers that agreement only), and
 * the align-again reminder, with the guardian's own token (it asks nothing).
 */
public final class AgreementEmailComposer implements EmailComposer {
    private final Agreements agreements;
    private final GuardianRepository guardians;
    private final AgreementTexts texts;
    private final ReplyTokens tokens;

    public AgreementEmailComposer(
            Agreements agreements, GuardianRepository guardians, AgreementTexts texts, ReplyTokens tokens) {
        this.agreements = agreements;
        this.guardians = guardians;
        this.texts = texts;
        this.tokens = tokens;
    }

    @Override
    public Optional<ComposedEmail> compose(Delivery delivery) {
        if (!AgreementMail.isAgreement(delivery.kind()) || delivery.guardianId().isEmpty()) {
            return Optional.empty();
        }
        Optional<Guardian> guardian =
                guardians.find(delivery.guardianId().get()).filter(Guardian::reachableByEmail);
        if (guardian.isEmpty()) {
            return Optional.empty();
        }
        String to = guardian.get().email().orElseThrow();
        if (AgreementMail.ASK.equals(delivery.kind())) {
            long agreementId = AgreementMail.agreementOf(delivery.payload());
            return agreements
                    .forGuardian(agreementId, guardian.get().id())
                    .filter(asked -> asked.agreement().open())
                    .map(asked -> MailText.compose(to, texts.askEmail(asked))
                            .withReplyToken(tokens.forAgreement(guardian.get().id(), agreementId)));
        }
        return agreements
                .reminding(delivery.payload(), guardian.get().id())
                .map(reminding -> MailText.compose(
                                to,
                                texts.reminderEmail(
                                        reminding.schoolClass(),
                                        reminding.student(),
                                        reminding.agreements(),
                                        texts.messages().chainFor(guardian.get(), reminding.schoolClass())))
                        .withReplyToken(tokens.forGuardian(guardian.get().id())));
    }
}
