package nl.classbridge.messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;

/**
 * How fast the shipped catalogue fills and renders its texts: every key in every language, each
 * placeholder given "3" (a count reads it as a number, a name shows it), rendered as Discord
 * Markdown and as an HTML email. Prints the first fill of every text (each text read once), then
 * texts per second on one thread and on {@code bench.threads} threads sharing one {@link Messages}
 * (ICU's formats are shared and locked per text), with the median and p99 per text.
 *
 * <p>{@code mvn -B -q -Pbench test-compile exec:java -Dbench.main=nl.classbridge.messages.CatalogueBenchmark}
 * ({@code -Dbench.seconds=10 -Dbench.threads=2} are the defaults).
 */
public final class CatalogueBenchmark {
    private record Job(String key, List<Language> chain, Map<String, String> values) {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int threads = Integer.getInteger("bench.threads", 2);
        MessageCatalogue catalogue = MessageCatalogue.load(Path.of("messages"));
        List<Job> jobs = new ArrayList<>();
        for (Language language : Language.values()) {
            for (String key : catalogue.keys(language)) {
                Map<String, String> values = new HashMap<>();
                MessageCatalogue.placeholders(catalogue.find(language, key).orElseThrow())
                        .forEach(name -> values.put(name, "3"));
                jobs.add(new Job(key, List.of(language), values));
            }
        }
        Messages messages = new Messages(catalogue, Language.NL);
        long cold = System.nanoTime();
        jobs.forEach(job -> render(messages, job));
        System.out.printf(
                Locale.ROOT,
                "%d texts, first fill of each (read once): %.1f ms in all%n",
                jobs.size(),
                (System.nanoTime() - cold) / 1e6);
        run(messages, jobs, Math.max(1, seconds / 2), 1, false);
        run(messages, jobs, seconds, 1, true);
        run(messages, jobs, seconds, threads, true);
    }

    private static void run(Messages messages, List<Job> jobs, int seconds, int threads, boolean print)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] times = new long[4_000_000];
                int n = 0;
                while (System.nanoTime() < end && n < times.length) {
                    for (Job job : jobs) {
                        long start = System.nanoTime();
                        render(messages, job);
                        times[n++] = System.nanoTime() - start;
                        if (n == times.length) {
                            break;
                        }
                    }
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        long[] times = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (print) {
            System.out.printf(
                    Locale.ROOT,
                    "%d thread(s): %,.0f texts/s, median %.1f us, p99 %.1f us, max %.1f ms%n",
                    threads,
                    times.length / (double) seconds,
                    times[times.length / 2] / 1e3,
                    times[(int) (times.length * 0.99)] / 1e3,
                    times[times.length - 1] / 1e6);
        }
    }

    private static void render(Messages messages, Job job) {
        Text text = messages.text(job.key(), job.chain(), job.values());
        DiscordText.MARKDOWN.render(text);
        MailText.html(text);
    }
}
