package nl.classbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.classbridge.domain.Delivery;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.DeliveryStatus;
import nl.classbridge.domain.Guardian;
import nl.classbridge.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Dispatch loop")
class DispatchLoopTest {
    @TempDir
    Path folder;
    Outboxes the;
    DispatchLoop loop;

    @BeforeEach
    void setUp() {
        the = new Outboxes(folder);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(5));
        }
        the.close();
    }

    @Test
    @DisplayName("GIVEN a row left sending and a running loop WHEN it starts and a message is enqueued "
            + "THEN the interrupted row is recovered and both go out without waiting for the regular check")
    void recoversAndWakesOnEnqueue() throws InterruptedException {
        Guardian parent = the.byEmail("ouder@example.org");
        Delivery interrupted = the.outbox.enqueue(the.email("email:1", parent));
        the.store.deliveries.claim(interrupted.id(), TestStore.T0);
        CountDownLatch sent = new CountDownLatch(2);
        the.emails.otherwise(delivery -> {
            sent.countDown();
            return null;
        });
        loop = new DispatchLoop(the.dispatcher(), the.clock);
        the.outbox.whenEnqueued(loop::wake);

        loop.start();
        Delivery fresh = the.outbox.enqueue(the.email("email:2", parent));

        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        loop.stop(Duration.ofSeconds(5));
        assertThat(the.reload(interrupted).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.reload(fresh).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(the.store.deliveries.countQueued(DeliveryChannel.EMAIL)).isZero();
    }
}
