package nl.classbridge.agreements;

import java.util.Optional;
import nl.classbridge.delivery.DedupeKeys;
import nl.classbridge.delivery.HandOff;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;

/**
 * When an agreement's DM cannot be delivered (closed DMs), the same agreement or reminder goes by
 * email, under the dedupe key its email has anyway: a family whose plan is "both" gets it once. Any
 * other kind of message is left to the hand-off it wraps (the check-in's).
 */
public final class AgreementHandOff implements HandOff {
    private final HandOff others;

    public AgreementHandOff(HandOff others) {
        this.others = others;
    }

    @Override
    public Optional<OutgoingMessage> emailFor(Delivery failed, Guardian guardian) {
        if (!AgreementMail.isAgreement(failed.kind()) || failed.classId().isEmpty()) {
            return others.emailFor(failed, guardian);
        }
        String dedupeKey;
        if (AgreementMail.ASK.equals(failed.kind())) {
            dedupeKey = DedupeKeys.agreementAsk(
                    AgreementMail.agreementOf(failed.payload()), guardian.id(), DeliveryChannel.EMAIL);
        } else {
            AgreementMail.Reminder reminder = AgreementMail.reminderOf(failed.payload());
            dedupeKey =
                    DedupeKeys.alignAgain(reminder.studentId(), reminder.day(), guardian.id(), DeliveryChannel.EMAIL);
        }
        return Optional.of(OutgoingMessage.toGuardian(
                dedupeKey,
                failed.classId().get(),
                guardian.id(),
                DeliveryChannel.EMAIL,
                failed.kind(),
                failed.payload()));
    }
}
