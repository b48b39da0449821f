package nl.classbridge.mail.reply;

import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** One parse on a worker thread, given up after a limit: how the benchmarks time a hostile mail. */
final class TimedParse {

    /** How long the parse took, or why there is no time ({@code stopped}: "> 20 s", an exception's name). */
    record Outcome(long nanos, String stopped) {}

    private TimedParse() {}

    /** Parses the mail {@code message} makes (not timed) on {@code worker}, for at most {@code limitSeconds}. */
    static Outcome run(ExecutorService worker, Supplier<MimeMessage> message, int limitSeconds)
            throws InterruptedException {
        Future<Long> run = worker.submit(() -> {
            MimeMessage mail = message.get();
            long start = System.nanoTime();
            try {
                ReplyParser.parse(mail);
            } catch (UnreadableMailException e) {
                // refused: still a measured outcome
            }
            return System.nanoTime() - start;
        });
        try {
            return new Outcome(run.get(limitSeconds, TimeUnit.SECONDS), null);
        } catch (TimeoutException e) {
            run.cancel(true);
            return new Outcome(0, "> " + limitSeconds + " s");
        } catch (ExecutionException e) {
            return new Outcome(0, e.getCause().getClass().getSimpleName());
        }
    }
}
