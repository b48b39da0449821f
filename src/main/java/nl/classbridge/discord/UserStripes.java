package nl.classbridge.discord;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.classbridge.logs.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles Discord events on a few threads instead of JDA's one, so a burst of button presses
 * from a whole class is answered in parallel. Events of one user always go to the same thread,
 * in order: two answers typed quickly one after the other are never swapped.
 */
public final class UserStripes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserStripes.class);
    private final ExecutorService[] stripes;

    public UserStripes(int threads) {
        stripes = new ExecutorService[threads];
        for (int i = 0; i < threads; i++) {
            int number = i;
            stripes[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "classbridge-events-" + number);
                thread.setDaemon(true);
                // Handlers catch their own failures; anything that still gets out is logged without its text.
                thread.setUncaughtExceptionHandler((where, failure) -> LOG.error(
                        "An event handler failed: {}", DiscordFailures.reason(failure), Failure.withoutText(failure)));
                return thread;
            });
        }
    }

    /** Runs {@code work} after earlier work of the same user, beside other users' work. */
    public void run(long userId, Runnable work) {
        stripes[(int) Math.floorMod(userId, (long) stripes.length)].execute(work);
    }

    @Override
    public void close() {
        for (ExecutorService stripe : stripes) {
            stripe.shutdown();
        }
        for (ExecutorService stripe : stripes) {
            try {
                stripe.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
