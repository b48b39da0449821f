package nl.classbridge.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.classbridge.delivery.Outbox;
import nl.classbridge.delivery.OutgoingMessage;
import nl.classbridge.domain.CheckinRequest;
import nl.classbridge.domain.CheckinRound;
import nl.classbridge.domain.ContactChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.RequestStatus;
import nl.classbridge.store.CheckinRepository;
import nl.classbridge.store.GuardianRepository;

/**
 * A family asked on Discord who has not answered after {@code checkin.email-after-hours} and has
 * a working email address gets the questions once by email too: DMs are easy to miss. The
 * email's dedupe key makes "once" hold however often this runs.
 */
public final class EmailFollowUp {
    private final CheckinRepository checkins;
    private final GuardianRepository guardians;
    private final Outbox outbox;
    private final Duration after;
    private final Clock clock;

    public EmailFollowUp(
            CheckinRepository checkins, GuardianRepository guardians, Outbox outbox, Duration after, Clock clock) {
        this.checkins = checkins;
        this.guardians = guardians;
        this.outbox = outbox;
        this.after = after;
        this.clock = clock;
    }

    /** Queues the follow-up emails that are due; returns how many were new or already queued. */
    public int run() {
        Instant now = clock.instant();
        List<OutgoingMessage> due = new ArrayList<>();
        for (CheckinRound round : checkins.openRounds(now)) {
            for (CheckinRequest request : checkins.requests(round.id())) {
                boolean waiting = request.channel() == ContactChannel.DISCORD
                        && (request.status() == RequestStatus.PENDING || request.status() == RequestStatus.IN_PROGRESS)
                        && !request.createdAt().plus(after).isAfter(now);
                if (waiting
                        && guardians
                                .find(request.guardianId())
                                .map(Guardian::reachableByEmail)
                                .orElse(false)) {
                    due.add(CheckinMail.questionnaireByEmail(round.classId(), round, request));
                }
            }
        }
        return outbox.enqueueAll(due).size();
    }
}
