package nl.classbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Dispatcher")
class DispatcherTest {
    private static final Instant T0 = TestStore.T0;

    @TempDir
    Path folder;

    Outboxes the;

    @BeforeEach
    void setUp() {
        the = new Outboxes(folder);
    }

    @AfterEach
    void tearDown() {
        the.close();
    }

    @Test
    @DisplayName("GIVEN a post, a DM and an email due WHEN two passes run THEN each is sent once and marked sent")
    void sentOnce() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        Delivery post = the.outbox.enqueue(the.post("update:1"));
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));
        Delivery email = the.outbox.enqueue(the.email("email:1", parent));
        Dispatcher dispatcher = the.dispatcher();

        int first = dispatcher.dispatchDue();
        the.clock.advance(Duration.ofMinutes(1));
        int second = dispatcher.dispatchDue();

        assertThat(first).isEqualTo(3);
        assertThat(second).isZero();
        assertThat(the.posts.sends()).hasSize(1);
        assertThat(the.dms.sends()).hasSize(1);
        assertThat(the.emails.sends()).hasSize(1);
        for (Delivery delivery : List.of(post, dm, email)) {
            Delivery stored = the.reload(delivery);
            assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.sentAt()).contains(T0);
            assertThat(stored.externalId()).contains(delivery.channel().code() + "-" + delivery.id());
        }
        assertThat(dispatcher.nextWakeUp()).isEqualTo(Instant.MAX);
    }

    @Test
    @DisplayName(
            "GIVEN a DM held by quiet hours WHEN passes run before and at 08:00 THEN it goes out at 08:00, not before")
    void heldUntilQuietHoursEnd() {
        Guardian parent = the.onDiscord();
        the.clock.set(Instant.parse("2026-09-01T19:30:00Z"));
        the.outbox.enqueue(the.dm("dm:evening", parent));
        Dispatcher dispatcher = the.dispatcher();

        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(dispatcher.nextWakeUp()).isEqualTo(Instant.parse("2026-09-02T06:00:00Z"));
        the.clock.set(dispatcher.nextWakeUp());
        dispatcher.dispatchDue();

        assertThat(the.dms.sendInstants()).containsExactly(Instant.parse("2026-09-02T06:00:00Z"));
    }

    @Test
    @DisplayName("GIVEN DMs and emails due at 18:00 but the bot down until 22:00 WHEN it runs again THEN the parents' "
            + "messages wait until 08:00 while the class post goes out at once")
    void backlogWaitsForTheMorning() {
        Guardian parent = the.onDiscordWithEmail("ouder@example.org");
        the.clock.set(Instant.parse("2026-09-01T16:00:00Z")); // 18:00 in Amsterdam
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));
        Delivery email = the.outbox.enqueue(the.email("email:1", parent));
        the.outbox.enqueue(the.post("update:1"));
        the.clock.set(Instant.parse("2026-09-01T20:00:00Z")); // 22:00
        Dispatcher dispatcher = the.dispatcher();

        int taken = dispatcher.dispatchDue();

        Instant morning = Instant.parse("2026-09-02T06:00:00Z");
        assertThat(taken).isEqualTo(1);
        assertThat(the.posts.sends()).hasSize(1);
        assertThat(the.reload(dm).nextAttemptAt()).isEqualTo(morning);
        assertThat(the.reload(email).nextAttemptAt()).isEqualTo(morning);
        assertThat(the.reload(dm).attempts()).isZero();
        assertThat(dispatcher.nextWakeUp()).isEqualTo(morning);
        the.runUntilIdle(dispatcher, morning.plus(Duration.ofHours(1)));
        assertThat(the.dms.sendInstants()).containsExactly(morning);
        assertThat(the.emails.sendInstants()).containsExactly(morning);
    }

    @Test
    @DisplayName("GIVEN an email whose server answers 421 twice WHEN passes run THEN it backs off 1 then 2 minutes "
            + "and is sent on the third attempt")
    void retryLaterBacksOff() {
        Guardian parent = the.byEmail("ouder@example.org");
        Delivery email = the.outbox.enqueue(the.email("email:1", parent));
        the.emails.willAnswer(SendResult.retryLater("smtp-421"), SendResult.retryLater("smtp-421"));
        Dispatcher dispatcher = the.dispatcher();

        dispatcher.dispatchDue();
        Delivery afterFirst = the.reload(email);
        the.clock.advance(Duration.ofSeconds(59));
        int tooEarly = dispatcher.dispatchDue();
        the.clock.set(dispatcher.nextWakeUp());
        dispatcher.dispatchDue();
        Delivery afterSecond = the.reload(email);
        the.clock.set(dispatcher.nextWakeUp());
        dispatcher.dispatchDue();

        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(afterFirst.lastError()).contains("smtp-421");
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(tooEarly).isZero();
        assertThat(afterSecond.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(the.emails.sendInstants())
                .containsExactly(T0, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(3)));
        Delivery sent = the.reload(email);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a DM that always times out WHEN passes run THEN it is given up after the maximum of attempts")
    void givesUpAfterMaxAttempts() {
        Guardian parent = the.onDiscord();
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));
        the.dms.otherwise(delivery -> SendResult.retryLater("timeout"));
        Dispatcher dispatcher = the.dispatcher(2, 4);

        the.runUntilIdle(dispatcher, T0.plus(Duration.ofDays(1)));

        Delivery failed = the.reload(dm);
        assertThat(the.dms.sends()).hasSize(4);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastError()).contains("timeout");
        assertThat(the.reload(parent).discordUnreachable()).isFalse();
        assertThat(the.teacher.notices()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a retry that falls in the quiet hours WHEN it is scheduled THEN it waits for the morning too")
    void retryRespectsQuietHours() {
        Guardian parent = the.byEmail("ouder@example.org");
        the.clock.set(Instant.parse("2026-09-01T17:59:30Z")); // 19:59:30 in Amsterdam
        Delivery email = the.outbox.enqueue(the.email("email:1", parent));
        the.emails.willAnswer(SendResult.retryLater("smtp-451"));

        the.dispatcher().dispatchDue();

        assertThat(the.reload(email).nextAttemptAt()).isEqualTo(Instant.parse("2026-09-02T06:00:00Z"));
    }

    @Test
    @DisplayName("GIVEN three DMs and a 429 with retry_after 5 s on the first WHEN passes run THEN the whole DM lane "
            + "waits 5 s, other channels do not")
    void rateLimitPausesTheDmLane() {
        List<Delivery> dms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dms.add(the.outbox.enqueue(the.dm("dm:" + i, the.onDiscord())));
        }
        the.outbox.enqueue(the.post("update:1"));
        the.dms.willAnswer(SendResult.retryAfter("http-429", Duration.ofSeconds(5)));
        Dispatcher dispatcher = the.dispatcher(50, 12);

        dispatcher.dispatchDue();
        Instant wake = dispatcher.nextWakeUp();
        the.clock.advance(Duration.ofSeconds(4));
        int duringPause = dispatcher.dispatchDue();
        the.runUntilIdle(dispatcher, T0.plus(Duration.ofHours(1)));

        assertThat(the.posts.sendInstants()).containsExactly(T0);
        assertThat(wake).isEqualTo(T0.plusSeconds(5));
        assertThat(duringPause).isZero();
        assertThat(the.dms.sends()).first().extracting(FakeSender.Send::at).isEqualTo(T0);
        assertThat(the.dms.sendInstants().subList(1, 4))
                .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(T0.plusSeconds(5)));
        assertThat(dms).allSatisfy(dm -> assertThat(the.reload(dm).status()).isEqualTo(DeliveryStatus.SENT));
        // The 429ed DM itself waits at least its own backoff (a minute) as well.
        assertThat(the.dms.sendInstants()).last().isEqualTo(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    @DisplayName("GIVEN a DM answered twice with RateLimited (retry_after 10 s) WHEN passes run THEN the DM lane waits "
            + "10 s each time, the email does not, and the DM goes out as its first attempt, no backoff added")
    void rateLimitedCostsNoAttempt() {
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", the.onDiscord()));
        Delivery email = the.outbox.enqueue(the.email("email:1", the.byEmail("ouder@example.org")));
        SendResult.RateLimited limited = new SendResult.RateLimited("http-429", Duration.ofSeconds(10));
        the.dms.willAnswer(limited, limited);
        Dispatcher dispatcher = the.dispatcher(50, 12);

        dispatcher.dispatchDue();
        Delivery waiting = the.reload(dm);
        the.runUntilIdle(dispatcher, T0.plus(Duration.ofHours(1)));

        assertThat(the.emails.sendInstants()).containsExactly(T0);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.lastError()).contains("http-429");
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(the.dms.sendInstants()).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(the.reload(dm).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.reload(dm).attempts()).isEqualTo(1);
        assertThat(the.reload(email).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    @DisplayName("GIVEN 50 DMs due at once and 2 DMs per second WHEN the loop runs on the clock "
            + "THEN they take 24.5 s (25 s of sending) and no second holds more than 2")
    void pacesBulkDms() {
        List<OutgoingMessage> fanOut = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fanOut.add(the.dm("round:1:guardian:" + i, the.onDiscord()));
        }
        the.outbox.enqueueAll(fanOut);
        Dispatcher dispatcher = the.dispatcher(2, 12);

        int firstPass = dispatcher.dispatchDue();
        Instant wake = dispatcher.nextWakeUp();
        the.runUntilIdle(dispatcher, T0.plus(Duration.ofHours(1)));

        List<Instant> at = the.dms.sendInstants();
        assertThat(firstPass).isEqualTo(1);
        assertThat(wake).isEqualTo(T0.plusMillis(500));
        assertThat(at).hasSize(50).doesNotHaveDuplicates().isSorted();
        assertThat(Duration.between(at.get(0), at.get(49))).isEqualTo(Duration.ofMillis(24_500));
        for (Instant start : at) {
            long inOneSecond = at.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1)))
                    .count();
            assertThat(inOneSecond).as("DMs in the second from %s", start).isLessThanOrEqualTo(2);
        }
        assertThat(fanOut)
                .allSatisfy(message ->
                        assertThat(the.dms.sendsOf(message.dedupeKey())).isEqualTo(1));
    }

    @Test
    @DisplayName("GIVEN DMs at 2 per second and a pass at the same instant WHEN it runs twice THEN one DM goes out, "
            + "not two")
    void noBurstWithinAnInstant() {
        the.outbox.enqueue(the.dm("a", the.onDiscord()));
        the.outbox.enqueue(the.dm("b", the.onDiscord()));
        Dispatcher dispatcher = the.dispatcher(2, 12);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        the.clock.advance(Duration.ofMillis(499));
        dispatcher.dispatchDue();

        assertThat(the.dms.sends()).hasSize(1);
    }

    @Test
    @DisplayName(
            "GIVEN a sender that throws WHEN a pass runs THEN the row is retried later, not lost, and the pass goes on")
    void senderExceptionIsTemporary() {
        Guardian parent = the.byEmail("ouder@example.org");
        Delivery first = the.outbox.enqueue(the.email("email:1", parent));
        Delivery second = the.outbox.enqueue(the.email("email:2", parent));
        the.emails.otherwise(delivery -> {
            if (delivery.id() == first.id()) {
                throw new IllegalStateException("ouder@example.org rejected");
            }
            return null;
        });

        the.dispatcher().dispatchDue();

        assertThat(the.reload(first).status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(the.reload(first).lastError()).contains("sender-error");
        assertThat(the.reload(second).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    @DisplayName("GIVEN a Failed result WHEN a pass runs THEN the row is failed with its code and never sent again")
    void failedIsFinal() {
        Delivery post = the.outbox.enqueue(the.post("update:1"));
        the.posts.willAnswer(new SendResult.Failed("http-400"));
        Dispatcher dispatcher = the.dispatcher();

        dispatcher.dispatchDue();
        the.clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();

        assertThat(the.reload(post).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(the.reload(post).lastError()).contains("http-400");
        assertThat(the.posts.sends()).hasSize(1);
    }

    @Test
    @DisplayName("GIVEN email queued but no mail sender configured WHEN passes run THEN it stays queued, untouched")
    void channelWithoutSenderWaits() {
        Guardian parent = the.byEmail("ouder@example.org");
        Delivery email = the.outbox.enqueue(the.email("email:1", parent));
        Dispatcher withoutMail = new Dispatcher(
                the.outbox,
                the.store.deliveries,
                the.store.guardians,
                List.of(the.dms, the.posts),
                the.handOff,
                the.teacher,
                the.clock,
                2,
                12);

        int taken = withoutMail.dispatchDue();

        assertThat(taken).isZero();
        assertThat(withoutMail.nextWakeUp()).isEqualTo(Instant.MAX);
        assertThat(the.reload(email)).isEqualTo(email);
        assertThat(the.emails.sends()).isEmpty();
    }
}
