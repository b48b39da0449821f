package nl.classbridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.health.HealthReport.Kind;
import nl.classbridge.store.HealthRepository;
import nl.classbridge.store.HealthRepository.Failures;
import nl.classbridge.store.HealthRepository.Queue;
import nl.classbridge.store.Migrations;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check's judgement on a real SQLite file, each threshold just below and just above. */
class HealthCheckTest {
    private static final Instant T0 = TestStore.T0;

    @TempDir
    Path folder;

    private TestStore store;
    private MutableClock clock;
    private HealthRepository figures;
    private HealthCheck check;
    private Guardian parent;
    private int keys;

    @BeforeEach
    void open() {
        store = new TestStore(folder);
        clock = new MutableClock(T0);
        figures = new HealthRepository(store.database);
        check = new HealthCheck(figures, store.database.file(), clock);
        parent = store.guardians.addEmail("ouder@example.org", Optional.empty(), T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Delivery queue(DeliveryChannel channel, Instant notBefore) {
        return store.deliveries.enqueue(
                "k" + keys++,
                Optional.empty(),
                Optional.of(parent.id()),
                channel,
                "checkin-question",
                "{}",
                notBefore,
                clock.instant());
    }

    private Heartbeat beat(Optional<Heartbeat.Gateway> discord, Optional<Heartbeat.MailReading> mail) {
        return new Heartbeat(clock.instant(), T0, discord, mail, true, Map.of("heartbeat", clock.instant()));
    }

    private static final Optional<Heartbeat.Gateway> CONNECTED =
            Optional.of(new Heartbeat.Gateway(true, Optional.of(Duration.ofMillis(42))));

    @Test
    @DisplayName("all well: a running bot, connected, an outbox that moves, mail read in time")
    void allWell() {
        queue(DeliveryChannel.EMAIL, T0);
        clock.advance(Duration.ofMinutes(14));
        HealthReport report = check.check(
                true,
                Optional.of(beat(
                        CONNECTED, Optional.of(new Heartbeat.MailReading(Duration.ofMinutes(5), Optional.of(T0))))));
        assertThat(report.problems()).isEmpty();
        assertThat(report.healthy()).isTrue();
        assertThat(report.database().schemaVersion()).isEqualTo(Migrations.latest());
        assertThat(report.database().bytes()).isPositive();
        Queue email = report.outbox().stream()
                .filter(q -> q.channel() == DeliveryChannel.EMAIL)
                .findFirst()
                .orElseThrow();
        assertThat(email.waiting()).isEqualTo(1);
        assertThat(email.due()).isEqualTo(1);
        assertThat(report.ago(email.oldestDueSince().orElseThrow())).isEqualTo(Duration.ofMinutes(14));
    }

    @Test
    @DisplayName("a due message waiting more than 15 minutes is a stuck outbox; one held for quiet hours is not")
    void stuckOutbox() {
        queue(DeliveryChannel.EMAIL, T0);
        queue(DeliveryChannel.DISCORD_DM, T0.plus(Duration.ofHours(10))); // the morning
        clock.advance(Duration.ofMinutes(16));
        HealthReport report = check.check(true, Optional.of(beat(CONNECTED, Optional.empty())));
        assertThat(report.problems()).extracting(HealthReport.Problem::kind).containsExactly(Kind.OUTBOX_STUCK);
        assertThat(report.problems().get(0).detail()).contains("1 message(s) on email due for 16 min");
        Queue dm = report.outbox().stream()
                .filter(q -> q.channel() == DeliveryChannel.DISCORD_DM)
                .findFirst()
                .orElseThrow();
        assertThat(dm.waiting()).isEqualTo(1);
        assertThat(dm.due()).isZero();
        assertThat(dm.oldestDueSince()).isEmpty();
    }

    @Test
    @DisplayName(
            "mail not read for more than three poll intervals is stale, counted from the start before the first look")
    void staleMail() {
        Heartbeat.MailReading neverRead = new Heartbeat.MailReading(Duration.ofMinutes(1), Optional.empty());
        clock.advance(Duration.ofMinutes(3));
        assertThat(check.check(true, Optional.of(beat(CONNECTED, Optional.of(neverRead))))
                        .problems())
                .isEmpty();
        clock.advance(Duration.ofSeconds(1));
        HealthReport stale = check.check(true, Optional.of(beat(CONNECTED, Optional.of(neverRead))));
        assertThat(stale.problems()).extracting(HealthReport.Problem::kind).containsExactly(Kind.MAIL_STALE);
        assertThat(stale.problems().get(0).detail()).contains("not been read since the start");

        Heartbeat.MailReading readJustNow = new Heartbeat.MailReading(
                Duration.ofMinutes(1), Optional.of(clock.instant().minusSeconds(10)));
        assertThat(check.check(true, Optional.of(beat(CONNECTED, Optional.of(readJustNow))))
                        .healthy())
                .isTrue();
    }

    @Test
    @DisplayName("disconnected from Discord, not running, and a heartbeat older than two minutes each need attention")
    void otherProblems() {
        Optional<Heartbeat.Gateway> down = Optional.of(new Heartbeat.Gateway(false, Optional.empty()));
        assertThat(check.check(true, Optional.of(beat(down, Optional.empty()))).problems())
                .extracting(HealthReport.Problem::kind)
                .containsExactly(Kind.DISCORD_DISCONNECTED);
        assertThat(check.check(false, Optional.empty()).problems())
                .extracting(HealthReport.Problem::kind)
                .containsExactly(Kind.NOT_RUNNING);
        Heartbeat old = beat(CONNECTED, Optional.empty());
        clock.advance(Duration.ofMinutes(2));
        assertThat(check.check(true, Optional.of(old)).healthy()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(check.check(true, Optional.of(old)).problems())
                .extracting(HealthReport.Problem::kind)
                .containsExactly(Kind.HEARTBEAT_STALE);
        // Without a token there is no Discord to be disconnected from.
        assertThat(check.check(true, Optional.of(beat(Optional.empty(), Optional.empty())))
                        .healthy())
                .isTrue();
    }

    @Test
    @DisplayName("failures of the last 24 hours by reason, given up apart from handed to email; older ones not counted")
    void failuresOfTheLastDay() {
        Delivery old = queue(DeliveryChannel.EMAIL, T0);
        store.deliveries.claim(old.id(), T0);
        store.deliveries.markFailed(old.id(), "smtp-550", T0);
        clock.advance(Duration.ofHours(25));
        Delivery bounced = queue(DeliveryChannel.EMAIL, clock.instant());
        store.deliveries.claim(bounced.id(), clock.instant());
        store.deliveries.markFailed(bounced.id(), "smtp-550", clock.instant());
        Delivery dm = queue(DeliveryChannel.DISCORD_DM, clock.instant());
        Delivery email = queue(DeliveryChannel.EMAIL, clock.instant().plusSeconds(3600));
        store.deliveries.claim(dm.id(), clock.instant());
        store.deliveries.markHandedOff(dm.id(), "dm-closed", email.id(), clock.instant());

        assertThat(check.check(true, Optional.of(beat(CONNECTED, Optional.empty())))
                        .failedLastDay())
                .containsExactlyInAnyOrder(new Failures("smtp-550", false, 1), new Failures("dm-closed", true, 1));
    }

    @Test
    @DisplayName("the heartbeat is stored and read back as written; the last email sent comes from the outbox")
    void heartbeatRoundTrip() {
        Heartbeat written = new Heartbeat(
                T0.plusSeconds(30),
                T0,
                CONNECTED,
                Optional.of(new Heartbeat.MailReading(Duration.ofSeconds(60), Optional.of(T0.plusSeconds(20)))),
                false,
                Map.of("housekeeping", T0.plus(Duration.ofDays(1)), "class updates", T0.plusSeconds(60)));
        figures.save(written);
        assertThat(figures.heartbeat()).contains(written);
        Heartbeat off = new Heartbeat(T0.plusSeconds(45), T0, Optional.empty(), Optional.empty(), true, Map.of());
        figures.save(off);
        assertThat(figures.heartbeat()).contains(off);

        assertThat(figures.lastSent(DeliveryChannel.EMAIL)).isEmpty();
        Delivery sent = queue(DeliveryChannel.EMAIL, T0);
        store.deliveries.claim(sent.id(), T0);
        store.deliveries.markSent(sent.id(), Optional.of("<id@x>"), T0.plusSeconds(5));
        assertThat(figures.lastSent(DeliveryChannel.EMAIL)).contains(T0.plusSeconds(5));
    }
}
