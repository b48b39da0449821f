package nl.classbridge.checkin;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.Student;
import nl.classbridge.roster.Unlinking;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.Database;
import nl.classbridge.store.DeliveryRepository;

/**
 * When a family's link to a child ends, their check-ins about the child end with it: open requests
 * are taken back with their answers so far (no more reminders, no email follow-up), and the
 * messages still queued about them are cancelled. A greeting or reminder that was to open the
 * round for the family's other child in the class is kept and points at that child instead.
 */
public final class CheckinRevocation implements Unlinking {
    private final Database database;
    private final CheckinRepository checkins;
    private final DeliveryRepository deliveries;

    public CheckinRevocation(Database database, CheckinRepository checkins, DeliveryRepository deliveries) {
        this.database = database;
        this.checkins = checkins;
        this.deliveries = deliveries;
    }

    @Override
    public void linkEnding(long guardianId, Student student) {
        database.inTransaction(() -> {
            List<CheckinRequest> open = checkins.openRequestsOf(guardianId);
            Set<Long> ending = open.stream()
                    .filter(request -> request.studentId() == student.id())
                    .map(CheckinRequest::id)
                    .collect(Collectors.toSet());
            if (ending.isEmpty()) {
                return;
            }
            for (Delivery queued : deliveries.queuedOf(guardianId)) {
                if (!CheckinMail.isCheckin(queued.kind())) {
                    continue;
                }
                CheckinMail.Payload payload = CheckinMail.payload(queued.payload());
                if (!ending.contains(payload.request())) {
                    continue;
                }
                Optional<CheckinRequest> otherChild = open.stream()
                        .filter(request -> request.roundId() == payload.round() && !ending.contains(request.id()))
                        .findFirst();
                if (CheckinMail.oncePerGuardian(queued.kind()) && otherChild.isPresent()) {
                    deliveries.replacePayload(
                            queued.id(),
                            CheckinMail.payloadFor(
                                    payload.round(), otherChild.get().id()));
                } else {
                    deliveries.cancel(queued.id());
                }
            }
            ending.forEach(checkins::removeRequest);
        });
    }
}
