package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserStripesTest {
    @Test
    @DisplayName("one user's events run in the order they came; another user's run beside them")
    void orderPerUserParallelAcrossUsers() throws Exception {
        try (UserStripes stripes = new UserStripes(4)) {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            CountDownLatch released = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            // User 1 waits for user 2; with one thread for everyone this would never finish.
            stripes.run(1, () -> await(released));
            for (int i = 0; i < 100; i++) {
                int number = i;
                stripes.run(1, () -> seen.add(number));
            }
            stripes.run(1, done::countDown);
            stripes.run(2, released::countDown);

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).isSorted().hasSize(100);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
