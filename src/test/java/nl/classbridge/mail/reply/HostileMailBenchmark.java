package nl.classbridge.mail.reply;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * How long {@link ReplyParser#parse} takes on crafted mails of growing size: bait for regular
 * expressions that backtrack, deep nesting, huge attributes, unclosed tags, and an ordinary long
 * HTML mail for comparison. Prints milliseconds per size; a linear parser doubles its time when the
 * mail doubles, a quadratic one quadruples it. A case that takes longer than {@link #LIMIT_SECONDS}
 * is stopped and shown as such, and its larger sizes are skipped. Each figure is the best of
 * {@link #RUNS} runs.
 *
 * <p>{@code mvn -B -q -Pbench test-compile exec:java -Dbench.main=nl.classbridge.mail.reply.HostileMailBenchmark}
 * (add {@code -Dbench.case=plain} to run only the cases whose name holds "plain").
 */
public final class HostileMailBenchmark {
    private static final int LIMIT_SECONDS = 20;
    private static final int RUNS = 3;
    private static final int[] SIZES = {64 * 1024, 256 * 1024, 1024 * 1024, 2 * 1024 * 1024};

    private record Case(String name, String contentType, IntFunction<String> body) {}

    private static final List<Case> CASES = List.of(
            new Case(
                    "ordinary HTML, many paragraphs",
                    "text/html; charset=UTF-8",
                    size -> repeat("<p>Het gaat goed met Sam, hij speelt graag buiten.</p>\n", size)),
            new Case(
                    "'<meta ' without '>' (charset look-up bait)",
                    "text/html",
                    size -> "<html>" + repeat("<meta ", size)),
            new Case(
                    "'<style ' without '>' (element skip bait)",
                    "text/html; charset=UTF-8",
                    size -> "<style>" + repeat("<style ", size)),
            new Case(
                    "nested <blockquote> with text", "text/html; charset=UTF-8", size -> repeat("<blockquote>x", size)),
            new Case("unclosed <a> and <b>", "text/html; charset=UTF-8", size -> repeat("<a><b>x", size)),
            new Case(
                    "one huge attribute",
                    "text/html; charset=UTF-8",
                    size -> "<div title=\"" + "a".repeat(size) + "\">1. Goed</div>"),
            new Case(
                    "many quotes in one tag",
                    "text/html; charset=UTF-8",
                    size -> "<div " + repeat("= \"  ", size) + ">"),
            new Case(
                    "plain: an answer with a long run of spaces",
                    "text/plain; charset=UTF-8",
                    size -> "1. Goed" + " ".repeat(size) + "x"),
            new Case(
                    "plain: '>' quote marks on one line",
                    "text/plain; charset=UTF-8",
                    size -> ">".repeat(size) + " 1. Hoe gaat het?\nGoed"));

    private HostileMailBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "ReplyParser.parse on crafted mails, %s %s; milliseconds per mail size%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-46s %10s %10s %10s %10s%n", "case", "64 KB", "256 KB", "1 MB", "2 MB");
        ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-parse");
            thread.setDaemon(true);
            return thread;
        });
        // Warm up the parser's code paths on small mails.
        for (Case each : CASES) {
            for (int i = 0; i < 20; i++) {
                ReplyParser.parse(mail(each, 4 * 1024));
            }
        }
        String only = System.getProperty("bench.case", "");
        for (Case each : CASES) {
            if (!each.name().contains(only)) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-46s", each.name()));
            boolean stopped = false;
            for (int size : SIZES) {
                if (stopped) {
                    line.append(String.format(Locale.ROOT, " %10s", "-"));
                    continue;
                }
                // The best of a few runs: the machine is shared, and the best run is the parser's own cost.
                long best = Long.MAX_VALUE;
                for (int attempt = 0; attempt < RUNS && !stopped; attempt++) {
                    MimeMessage message = mail(each, size);
                    TimedParse.Outcome run = TimedParse.run(worker, () -> message, LIMIT_SECONDS);
                    if (run.stopped() != null) {
                        line.append(String.format(Locale.ROOT, " %10s", run.stopped()));
                        stopped = true;
                    } else {
                        best = Math.min(best, run.nanos());
                    }
                }
                if (!stopped) {
                    line.append(String.format(Locale.ROOT, " %10.1f", best / 1e6));
                }
            }
            System.out.println(line);
        }
        System.exit(0); // a stopped case may still be running on its thread
    }

    private static MimeMessage mail(Case each, int size) throws Exception {
        String raw = "From: Ouder <ouder@example.org>\r\nTo: klas@school.example\r\nSubject: Re: Groep 5\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: " + each.contentType() + "\r\n\r\n"
                + each.body().apply(size);
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code unit} repeated until the text is about {@code size} characters long. */
    private static String repeat(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }
}
