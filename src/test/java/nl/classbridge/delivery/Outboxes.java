package nl.classbridge.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.QuietHours;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;

/**
 * A real outbox over a real SQLite file, a clock the test moves, fake senders for the three
 * channels, and a hand-off that renders "the email version" of a DM.
 */
final class Outboxes implements AutoCloseable {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The school's quiet hours: 20:00 to 08:00. */
    static final QuietHours SCHOOL_QUIET = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0));

    final TestStore store;
    final MutableClock clock = new MutableClock(TestStore.T0);
    final Outbox outbox;
    final SchoolClass groep5;
    final FakeSender dms;
    final FakeSender posts;
    final FakeSender emails;
    final RecordingTeacherNotice teacher = new RecordingTeacherNotice();
    final List<Long> handOffsAsked = new ArrayList<>();
    final HandOff handOff;
    private long nextDiscordUser = 700;

    Outboxes(Path folder) {
        store = new TestStore(folder);
        groep5 = store.aClass();
        outbox = new Outbox(store.database, store.deliveries, store.guardians, clock, SCHOOL_QUIET, AMSTERDAM);
        dms = new FakeSender(DeliveryChannel.DISCORD_DM, clock, store.deliveries);
        posts = new FakeSender(DeliveryChannel.DISCORD_CHANNEL, clock, store.deliveries);
        emails = new FakeSender(DeliveryChannel.EMAIL, clock, store.deliveries);
        handOff = (failed, guardian) -> {
            handOffsAsked.add(failed.id());
            return Optional.of(OutgoingMessage.toGuardian(
                    failed.dedupeKey() + ":email",
                    groep5.id(),
                    guardian.id(),
                    DeliveryChannel.EMAIL,
                    failed.kind(),
                    "email version"));
        };
    }

    Dispatcher dispatcher(double dmPerSecond, int maxAttempts) {
        return new Dispatcher(
                outbox,
                store.deliveries,
                store.guardians,
                List.of(dms, posts, emails),
                handOff,
                teacher,
                clock,
                dmPerSecond,
                maxAttempts);
    }

    Dispatcher dispatcher() {
        return dispatcher(50, Dispatcher.DEFAULT_MAX_ATTEMPTS);
    }

    Guardian onDiscord() {
        return store.guardians.addDiscord(nextDiscordUser++, clock.instant());
    }

    Guardian onDiscordWithEmail(String email) {
        Guardian guardian = onDiscord();
        store.guardians.setEmail(guardian.id(), email);
        return store.guardians.find(guardian.id()).orElseThrow();
    }

    Guardian byEmail(String email) {
        return store.guardians.addEmail(email, Optional.empty(), clock.instant());
    }

    Guardian reload(Guardian guardian) {
        return store.guardians.find(guardian.id()).orElseThrow();
    }

    Delivery reload(Delivery delivery) {
        return store.deliveries.find(delivery.id()).orElseThrow();
    }

    OutgoingMessage dm(String key, Guardian guardian) {
        return OutgoingMessage.toGuardian(
                key, groep5.id(), guardian.id(), DeliveryChannel.DISCORD_DM, "checkin-question", "question 1");
    }

    OutgoingMessage email(String key, Guardian guardian) {
        return OutgoingMessage.toGuardian(
                key, groep5.id(), guardian.id(), DeliveryChannel.EMAIL, "class-update", "update text");
    }

    OutgoingMessage post(String key) {
        return OutgoingMessage.toClassChannel(key, groep5.id(), "class-update", "update text");
    }

    /**
     * Runs the dispatcher as the loop would, jumping the clock to each wake-up, until nothing is
     * queued or the clock passes {@code limit}.
     */
    void runUntilIdle(Dispatcher dispatcher, Instant limit) {
        for (int pass = 0; pass < 100_000; pass++) {
            dispatcher.dispatchDue();
            Instant next = dispatcher.nextWakeUp();
            if (next.equals(Instant.MAX) || next.isAfter(limit)) {
                return;
            }
            if (next.isAfter(clock.instant())) {
                clock.set(next);
            }
        }
        throw new AssertionError("the dispatcher never became idle");
    }

    @Override
    public void close() {
        store.close();
    }
}
