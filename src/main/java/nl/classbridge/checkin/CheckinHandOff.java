package nl.classbridge.checkin;

import java.util.Optional;
import nl.classbridge.delivery.HandOff;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Guardian;
import nl.classbridge.store.CheckinRepository;

/**
 * When a check-in DM cannot be delivered, the questionnaire goes by email instead, and the
 * family's requests in that round switch to email so the teacher's status shows it.
 */
public final class CheckinHandOff implements HandOff {
    private final CheckinRepository checkins;

    public CheckinHandOff(CheckinRepository checkins) {
        this.checkins = checkins;
    }

    @Override
    public Optional<OutgoingMessage> emailFor(Delivery failed, Guardian guardian) {
        if (!CheckinMail.isCheckin(failed.kind()) || failed.classId().isEmpty()) {
            return Optional.empty();
        }
        CheckinMail.Payload payload = CheckinMail.payload(failed.payload());
        var round = checkins.findRound(payload.round());
        Optional<CheckinRequest> first = checkins.findRequest(payload.request());
        if (round.isEmpty() || first.isEmpty()) {
            return Optional.empty();
        }
        checkins.requests(round.get().id()).stream()
                .filter(request -> request.guardianId() == guardian.id())
                .forEach(request -> checkins.switchChannel(request.id(), ContactChannel.EMAIL));
        return Optional.of(CheckinMail.questionnaireByEmail(failed.classId().get(), round.get(), first.get()));
    }
}
