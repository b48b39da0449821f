package nl.classbridge.mail.reply;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How fast {@link ReplyParser#parse} reads replies (issue 16), in two parts.
 *
 * <p>(a) The corpus: every {@code .eml} under {@code src/test/resources/mail/replies/} and
 * {@code src/test/resources/mail/corpus/<set>/}, each read once into memory. After a warm-up the
 * whole corpus is parsed again and again for a fixed time; each parse is a new {@link MimeMessage}
 * over the mail's bytes (as the bot gets a fresh message from IMAP: Jakarta Mail caches a parsed
 * multipart, so reusing one would measure the cache) and {@code ReplyParser.parse}. Prints mails
 * parsed per second on one thread and the median, p99 and maximum time per mail.
 *
 * <p>(b) The worst case: hostile replies of 2 MB aimed at the quote-header reader (lines that look
 * like "On ... wrote:" in the six languages but never end in ':', very long lines, header-like lines
 * "Van: x" with no block, deep '>' nesting, HTML with nested blockquotes and thousands of
 * {@code gmail_quote} divs, one 2 MB line without a newline). Prints the worst of {@link #RUNS}
 * runs of each; a run that takes longer than {@link #LIMIT_SECONDS} is stopped and shown as such.
 *
 * <p>{@code mvn -B -q -Pbench test-compile exec:java -Dbench.main=nl.classbridge.mail.reply.ReplyParserBenchmark}
 * (from the project's root; {@code -Dbench.seconds=20 -Dbench.warmup=5} are the defaults for part a,
 * {@code -Dbench.seconds=0} skips it; {@code -Dbench.case=Van} runs only the hostile cases whose name holds "Van").
 */
public final class ReplyParserBenchmark {
    private static final int LIMIT_SECONDS = 20;
    private static final int RUNS = 3;
    /** The hostile mails' size; {@code -Dbench.size.kb=N} to see how a case grows with it. */
    private static final int SIZE = Integer.getInteger("bench.size.kb", 2048) * 1024;

    private static final Session SESSION = Session.getInstance(new Properties());

    private record Hostile(String name, String contentType, Supplier<String> body) {}

    private static final List<Hostile> HOSTILE = List.of(
            new Hostile(
                    "plain: 'On ... wrote' lines in six languages, never ':'",
                    "text/plain; charset=UTF-8",
                    () -> repeat(String.join(
                                    "\n",
                                    "1. Goed",
                                    "On Tue, Sep 1, 2026 at 9:00 AM Juf Anna <klas@school.example> wrote",
                                    "Op di 1 sep 2026 om 09:00 schreef Juf Anna <klas@school.example>",
                                    "W dniu wt., 1.09.2026 o 09:00 Juf Anna <klas@school.example> napisał(a)",
                                    "Juf Anna <klas@school.example>, 1 Eyl 2026 Sal, 09:00 tarihinde şunu yazdı",
                                    "вт, 1 вер. 2026 р. о 09:00 Juf Anna <klas@school.example> пише",
                                    "في الثلاثاء، 1 سبتمبر 2026 في 9:00 ص تمت كتابة ما يلي بواسطة Juf Anna",
                                    "On Tue, Sep 1, 2026 at 9:00 AM Juf Anna",
                                    "<klas@school.example> wrote",
                                    "")
                            + "\n")),
            new Hostile(
                    "plain: very long lines (64 KB) starting 'On '/'Op '",
                    "text/plain; charset=UTF-8",
                    () -> repeat(
                            "On " + "a ".repeat(16 * 1024) + "wrote\nOp " + "b ".repeat(16 * 1024) + "schreef x\n")),
            new Hostile(
                    "plain: 'Van: x' header-like lines, no block",
                    "text/plain; charset=UTF-8",
                    () -> repeat("Van: x\nHet gaat goed.\nFrom: y\nOd: z\n\nKimden: q\nВід: w\nمن: e\n")),
            new Hostile("plain: deep '>' nesting (1 to 2,000 levels)", "text/plain; charset=UTF-8", () -> {
                StringBuilder text = new StringBuilder("1. Goed\n");
                for (int depth = 1; text.length() < SIZE; depth = depth % 2000 + 1) {
                    text.append(">".repeat(depth)).append(" 2. Hoe gaat het?\n");
                }
                return text.toString();
            }),
            new Hostile(
                    "plain: one 2 MB line, no newline",
                    "text/plain; charset=UTF-8",
                    () -> "1. " + repeat("On Op W dniu schreef wrote ")),
            new Hostile(
                    "HTML: nested blockquotes, text in each",
                    "text/html; charset=UTF-8",
                    () -> "<div>1. Goed</div>" + repeat("<blockquote type=\"cite\">Op di schreef x:")),
            new Hostile(
                    "HTML: thousands of gmail_quote divs",
                    "text/html; charset=UTF-8",
                    () -> "<div dir=\"ltr\">1. Goed</div>"
                            + repeat("<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, Sep 1, 2026 Juf"
                                    + " Anna wrote:<br></div><blockquote class=\"gmail_quote\">2. Hoe gaat het?"
                                    + "</blockquote></div>\n")),
            new Hostile(
                    "HTML: Outlook border-top divs and bold blocks",
                    "text/html; charset=UTF-8",
                    () -> "<p class=\"MsoNormal\">1. Goed</p>"
                            + repeat("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\">"
                                    + "<b>Van:</b> x<br><b>Verzonden:</b> y<br><b>Aan:</b> z<br><b>Onderwerp:</b> q"
                                    + "</p></div><div>\n")));

    private ReplyParserBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "ReplyParserBenchmark, %s %s, %d processors%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        corpus(Integer.getInteger("bench.warmup", 5), Integer.getInteger("bench.seconds", 20));
        hostile();
        System.exit(0); // a stopped case may still be running on its thread
    }

    // ------------------------------------------------------------------------------- (a) the corpus

    private static void corpus(int warmupSeconds, int seconds) throws IOException {
        Path mail = Path.of("src/test/resources/mail");
        List<Path> files = new ArrayList<>(emls(mail.resolve("replies"), 1));
        int own = files.size();
        files.addAll(emls(mail.resolve("corpus"), 2));
        List<byte[]> mails = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            mails.add(content);
            bytes += content.length;
        }
        System.out.printf(
                Locale.ROOT,
                "%n(a) corpus: %d mails (%d in replies/, %d in corpus/*/), %.1f KB in all%n",
                mails.size(),
                own,
                mails.size() - own,
                bytes / 1024.0);
        if (mails.isEmpty() || seconds <= 0) {
            return;
        }
        run(mails, Duration.ofSeconds(warmupSeconds), null, new long[mails.size()]);
        Timings timings = new Timings();
        long[] perMail = new long[mails.size()];
        long start = System.nanoTime();
        int unreadable = run(mails, Duration.ofSeconds(seconds), timings, perMail);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = timings.sorted();
        System.out.printf(
                Locale.ROOT,
                "after %d s warm-up, %d s: %d parses (%d unreadable), %.0f mails/s on one thread;"
                        + " per mail median %.1f µs, p99 %.1f µs, max %.1f ms%n",
                warmupSeconds,
                seconds,
                sorted.length,
                unreadable,
                sorted.length / elapsed,
                percentile(sorted, 0.50) / 1e3,
                percentile(sorted, 0.99) / 1e3,
                sorted[sorted.length - 1] / 1e6);
        long rounds = sorted.length / mails.size();
        Integer[] slowest = new Integer[mails.size()];
        Arrays.setAll(slowest, i -> i);
        Arrays.sort(slowest, (a, b) -> Long.compare(perMail[b], perMail[a]));
        StringBuilder line = new StringBuilder("slowest mails (mean per parse):");
        for (int i = 0; i < Math.min(3, slowest.length); i++) {
            line.append(String.format(
                    Locale.ROOT,
                    " %s %.2f ms%s",
                    mail.relativize(files.get(slowest[i])),
                    perMail[slowest[i]] / (double) Math.max(1, rounds) / 1e6,
                    i < 2 ? ";" : ""));
        }
        System.out.println(line);
    }

    /** Parses the corpus in rounds until {@code time} is up; the count of unreadable parses. */
    private static int run(List<byte[]> mails, Duration time, Timings timings, long[] perMail) {
        long end = System.nanoTime() + time.toNanos();
        int unreadable = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < mails.size(); i++) {
                long start = System.nanoTime();
                try {
                    sink += ReplyParser.parse(new MimeMessage(SESSION, new ByteArrayInputStream(mails.get(i))))
                            .hashCode();
                } catch (UnreadableMailException e) {
                    unreadable++;
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
                long took = System.nanoTime() - start;
                perMail[i] += took;
                if (timings != null) {
                    timings.add(took);
                }
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return unreadable;
    }

    private static List<Path> emls(Path folder, int depth) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> found = Files.find(
                folder,
                depth,
                (path, attributes) ->
                        attributes.isRegularFile() && path.toString().endsWith(".eml"))) {
            return found.sorted().toList();
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Nanoseconds per parse, in a growing array (no boxing while measuring). */
    private static final class Timings {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    // ---------------------------------------------------------------------- (b) hostile 2 MB mails

    private static void hostile() throws Exception {
        System.out.printf(
                Locale.ROOT, "%n(b) hostile replies of %d KB: the worst of %d runs, milliseconds%n", SIZE / 1024, RUNS);
        ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-parse");
            thread.setDaemon(true);
            return thread;
        });
        String only = System.getProperty("bench.case", "");
        for (Hostile each : HOSTILE) {
            if (!each.name().contains(only)) {
                continue;
            }
            byte[] raw = mail(each);
            long worst = 0;
            String outcome = null;
            for (int attempt = 0; attempt < RUNS && outcome == null; attempt++) {
                TimedParse.Outcome run = TimedParse.run(worker, () -> parsed(raw), LIMIT_SECONDS);
                worst = Math.max(worst, run.nanos());
                outcome = run.stopped();
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-58s %7.2f MB %12s%n",
                    each.name(),
                    raw.length / (1024.0 * 1024.0),
                    outcome != null ? outcome : String.format(Locale.ROOT, "%.1f", worst / 1e6));
        }
    }

    private static MimeMessage parsed(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mail(Hostile each) {
        String raw = "From: Ouder <ouder@example.org>\r\nTo: klas+abcdefghjkmnpqrs@school.example\r\n"
                + "Subject: Re: Groep 5 [abcdefghjkmnpqrs]\r\nMIME-Version: 1.0\r\nContent-Type: "
                + each.contentType() + "\r\n\r\n" + each.body().get();
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code unit} repeated until the text is about 2 MB long in UTF-8. */
    private static String repeat(String unit) {
        return unit.repeat(Math.max(1, SIZE / unit.getBytes(StandardCharsets.UTF_8).length));
    }
}
