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

@DisplayName("Restarts and outages")
class RestartAndOutageTest {
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
    @DisplayName("GIVEN a DM claimed and given a nonce when the process died WHEN the next process starts "
            + "THEN it is queued again once, sent with the same nonce, and counted as one attempt")
    void recoversInterruptedRows() {
        Guardian parent = the.onDiscord();
        Delivery dm = the.outbox.enqueue(the.dm("dm:1", parent));
        Delivery untouched = the.outbox.enqueue(the.dm("dm:2", parent));
        // What the dead process did: claimed the row and stored the nonce, then nothing.
        the.store.deliveries.claim(dm.id(), T0);
        the.store.deliveries.setExternalId(dm.id(), "nonce-before-crash");
        the.clock.advance(Duration.ofMinutes(3));
        Dispatcher restarted = the.dispatcher();

        int recovered = restarted.recoverInterrupted();
        int again = restarted.recoverInterrupted();
        Delivery requeued = the.reload(dm);
        the.runUntilIdle(restarted, T0.plus(Duration.ofHours(1)));

        assertThat(recovered).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(requeued.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.externalId()).contains("nonce-before-crash");
        assertThat(requeued.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(the.dms.sends())
                .filteredOn(send -> send.deliveryId() == dm.id())
                .singleElement()
                .extracting(FakeSender.Send::externalId)
                .isEqualTo("nonce-before-crash");
        Delivery sent = the.reload(dm);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.externalId()).contains("nonce-before-crash");
        assertThat(the.reload(untouched).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.dms.sends()).hasSize(2);
    }

    @Test
    @DisplayName("GIVEN an SMTP server down for four hours WHEN 30 emails wait and the clock moves in 7-minute steps "
            + "THEN once it is up all 30 are delivered, each exactly once, none given up")
    void smtpDownForHoursThenUp() {
        List<OutgoingMessage> fanOut = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fanOut.add(the.email("update:1:guardian:" + i, the.byEmail("ouder" + i + "@example.org")));
        }
        List<Delivery> rows = the.outbox.enqueueAll(fanOut);
        Instant upAgain = T0.plus(Duration.ofHours(4));
        the.emails.otherwise(
                delivery -> the.clock.instant().isBefore(upAgain) ? SendResult.retryLater("connection-refused") : null);
        Dispatcher dispatcher = the.dispatcher();

        Instant end = T0.plus(Duration.ofHours(6));
        while (the.clock.instant().isBefore(end)) {
            dispatcher.dispatchDue();
            the.clock.advance(Duration.ofMinutes(7));
        }

        assertThat(rows).allSatisfy(row -> {
            Delivery stored = the.reload(row);
            assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(stored.sentAt().orElseThrow()).isAfterOrEqualTo(upAgain);
            assertThat(stored.attempts()).isLessThan(Dispatcher.DEFAULT_MAX_ATTEMPTS);
        });
        assertThat(fanOut)
                .allSatisfy(message -> assertThat(the.emails.sends().stream()
                                .filter(send -> send.dedupeKey().equals(message.dedupeKey()))
                                .filter(send -> !send.at().isBefore(upAgain)))
                        .hasSize(1));
        assertThat(the.emails.sends())
                .filteredOn(send -> !send.at().isBefore(upAgain))
                .hasSize(30);
        assertThat(dispatcher.nextWakeUp()).isEqualTo(Instant.MAX);
    }
}
