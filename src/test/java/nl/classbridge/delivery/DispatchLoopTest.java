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

    @Test
    @DisplayName("GIVEN a send that hangs (the other side never answers) WHEN the loop is stopped "
            + "THEN stop returns after its timeout and the row is back in the queue, as the same attempt with its "
            + "Message-ID, not left 'sending'; the late answer changes nothing")
    void stopReleasesASendThatHangs() throws InterruptedException {
        Guardian parent = the.byEmail("ouder@example.org");
        Delivery email = the.outbox.enqueue(the.email("email:1", parent));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        the.emails.otherwise(delivery -> {
            sending.countDown();
            // Like a socket read: an interrupt does not end it, only the answer does.
            boolean answered = false;
            while (!answered) {
                try {
                    answered = answer.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // keep waiting, as a blocking read would
                }
            }
            return null;
        });
        loop = new DispatchLoop(the.dispatcher(), the.clock);
        loop.start();
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();

        loop.stop(Duration.ofMillis(200));
        Delivery released = the.reload(email);
        answer.countDown();
        loop.stop(Duration.ofSeconds(5));

        assertThat(released.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(released.attempts()).isZero();
        assertThat(released.externalId()).contains("email-" + email.id());
        assertThat(the.reload(email).status())
                .as("the late 'sent' does not undo the release")
                .isEqualTo(DeliveryStatus.QUEUED);
    }
}
