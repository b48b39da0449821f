package nl.classbridge.cli;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import nl.classbridge.bench.Latencies;
import nl.classbridge.mail.LocalMailServer;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.testing.Eventually;

/**
 * A benchmark, not a test: the resident memory (VmRSS from /proc/PID/status) of the packaged jar's
 * {@code run}, in a JVM of its own, as the documented service starts it, against the local Discord
 * server and GreenMail in this JVM (loopback only). For each set of JVM flags, a fresh school of
 * {@code bench.families} (300) families on Discord and one by email, and in this order:
 *
 * <ol>
 *   <li><b>idle</b>: 30 seconds ({@code bench.idle.seconds}) after "Connected to Discord";
 *   <li><b>burst</b>: a check-in's fan-out (a DM to every family, a mail to the one by email), then
 *       every parent pressing Start at once, then {@code bench.presses} (1,000, as the burst benchmark's big burst) answer presses round
 *       all families at once, and the same again (the JIT warm); the peak of VmRSS (sampled every
 *       20 ms) over all of it, the RSS right after, and the presses' acknowledgement latency and
 *       throughput;
 *   <li><b>largest mail</b>: a reply of just under {@code mail.max-message-bytes} (2 MB by default)
 *       with a valid reply code, HTML crafted as in HostileMailTest (a huge attribute, deep nesting,
 *       unclosed tags) padded with paragraphs, then a plain mail just over the limit (not read); the
 *       peak while reading and the RSS after each, waited for through {@code mail_seen}.
 * </ol>
 *
 * <p>Flag sets: {@code -Dbench.jvm="none|service|..."}, sets separated by {@code |}; in a set,
 * {@code none} is the JVM's defaults, {@code service} the flags and {@code Environment=} of
 * deploy/classbridge.service, a word like {@code MALLOC_ARENA_MAX=2} an environment variable, and
 * any other word a JVM flag. Default: {@code none|service}. {@code -Dbench.jcmd=GC.heap_info} (or
 * {@code "VM.native_memory summary"} with {@code -XX:NativeMemoryTracking=summary} in the set)
 * prints where the memory goes after the idle and the burst figures. {@code -Dbench.mail.bytes=N}
 * runs the bot with {@code mail.max-message-bytes} N (the largest mail then about N bytes): what a
 * school with a larger limit needs. Needs the packaged jar:
 *
 * <pre>
 * mvn -B -DskipTests package
 * mvn -B -q -Pbench test-compile exec:java -Dbench.main=nl.classbridge.cli.MemoryBenchmark
 * </pre>
 *
 * About 2.5 minutes per flag set. The machine's load average is printed with each figure: other
 * builds on the same cores change the timings, much less the resident memory.
 */
public final class MemoryBenchmark {
    private static final Duration PATIENCE = SchoolForTheJar.PATIENCE;

    private MemoryBenchmark() {}

    /** One run's JVM: flags and extra environment, and how it is named in the output. */
    record FlagSet(String name, List<String> flags, Map<String, String> environment) {
        static FlagSet parse(String spec) throws IOException {
            List<String> flags = new ArrayList<>();
            Map<String, String> environment = new HashMap<>();
            for (String word : spec.strip().split("\\s+")) {
                if (word.isEmpty() || word.equals("none")) {
                    continue;
                }
                if (word.equals("service")) {
                    flags.addAll(ServiceFlags.jvmFlags());
                    environment.putAll(ServiceFlags.environment());
                } else if (word.matches("[A-Z_]+=.*")) {
                    environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
                } else {
                    flags.add(word);
                }
            }
            return new FlagSet(spec.strip(), flags, environment);
        }
    }

    public static void main(String[] args) throws Exception {
        int families = Integer.getInteger("bench.families", 300);
        int presses = Integer.getInteger("bench.presses", 1_000);
        int idleSeconds = Integer.getInteger("bench.idle.seconds", 30);
        if (!Files.exists(JarProcess.JAR)) {
            throw new IllegalStateException("no " + JarProcess.JAR + ": run mvn -B -DskipTests package first");
        }
        List<FlagSet> sets = new ArrayList<>();
        for (String spec : System.getProperty("bench.jvm", "none|service").split("\\|")) {
            sets.add(FlagSet.parse(spec));
        }
        System.out.printf(
                "ClassBridge 'run' in its own JVM (%s %s), local Discord + GreenMail in the benchmark's JVM; "
                        + "%d cores; %d families on Discord + 1 by email%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                families);
        List<String> table = new ArrayList<>();
        // The local servers' threads are started from here: in a group of their own, so a server thread
        // that ends with an exception when the bot goes away (GreenMail's IMAP IDLE does) is only printed,
        // not taken by exec:java as the benchmark's failure.
        ThreadGroup servers = new ThreadGroup("bench-servers") {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                System.out.printf("(%s ended: %s)%n", thread.getName(), e);
            }
        };
        Throwable[] failed = new Throwable[1];
        Thread runner = new Thread(
                servers,
                () -> {
                    try {
                        for (FlagSet set : sets) {
                            table.add(run(set, families, presses, idleSeconds));
                        }
                    } catch (Exception | Error e) {
                        failed[0] = e;
                    }
                },
                "bench");
        runner.start();
        runner.join();
        if (failed[0] != null) {
            failed[0].printStackTrace();
        }
        System.out.println();
        System.out.println(
                "| flags | idle | burst peak | after burst | presses: first burst; again | largest mail: peak, after | over the limit: after | load |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
        System.exit(failed[0] == null ? 0 : 1);
    }

    private static String run(FlagSet set, int families, int presses, int idleSeconds) throws Exception {
        System.out.printf(
                "%n== %s: java %s%s -jar target/classbridge.jar run%n",
                set.name(),
                String.join(" ", set.flags()),
                set.environment().isEmpty() ? "" : " (environment " + set.environment() + ")");
        Path folder = Files.createTempDirectory("classbridge-memory");
        List<String> loads = new ArrayList<>();
        try (SchoolForTheJar school = new SchoolForTheJar(folder)) {
            school.seed(families, 1);
            Map<String, String> environment = new HashMap<>(set.environment());
            environment.put("CLASSBRIDGE_MAIL_MAX_MESSAGE_BYTES", Integer.toString(MAX_MESSAGE_BYTES));
            JarProcess bot = school.startBot(set.flags(), environment);
            bot.awaitOutput("Connected to Discord", PATIENCE);
            Rss rss = new Rss(bot.pid());
            Thread.sleep(Duration.ofSeconds(idleSeconds).toMillis()); // the settling is what is measured
            long idle = rss.now();
            loads.add(load());
            System.out.printf("idle (%d s after connecting): %s; %s%n", idleSeconds, mb(idle), loads.get(0));
            jcmd(bot.pid());

            // The burst: fan-out, every Start at once, then the answer presses at once.
            long fanOutStart = System.nanoTime();
            String started;
            try (Rss.Peak peak = rss.peak()) {
                started = school.teacher("checkin start", Map.of("questionnaire", "check-in"));
                Eventually.await("every family greeted", PATIENCE, () -> school.familiesGreeted() == families);
                double fanOut = (System.nanoTime() - fanOutStart) / 1e9;
                List<Interaction> starts = new ArrayList<>();
                List<PostedMessage> greetings = new ArrayList<>();
                for (LocalUser parent : school.onDiscord) {
                    PostedMessage greeting = school.greetings(parent).get(0);
                    greetings.add(greeting);
                    starts.add(school.discord.pressButton(
                            parent, greeting, greeting.customIds().get(0)));
                }
                Latencies startLatencies = awaitAll(starts);
                List<PostedMessage> questions = new ArrayList<>();
                for (PostedMessage greeting : greetings) {
                    String firstAnswer = answerPrefix(greeting) + 1;
                    Eventually.await(
                            "the first question in place of the greeting",
                            PATIENCE,
                            () -> school.discord
                                    .message(greeting.id())
                                    .filter(m -> m.customIds().contains(firstAnswer))
                                    .isPresent());
                    questions.add(school.discord.message(greeting.id()).orElseThrow());
                }
                Presses cold = pressAtOnce(school, greetings, questions, presses, 0);
                // The same burst again: the JIT has compiled the press path, as in a bot that has been running.
                Presses warm = pressAtOnce(school, greetings, questions, presses, presses);
                Eventually.await(
                        "the outbox to be done",
                        PATIENCE,
                        () -> school.count("SELECT COUNT(*) AS n FROM delivery WHERE status IN ('queued', 'sending')")
                                == 0);
                long after = rss.now();
                long burstPeak = peak.max();
                loads.add(load());
                System.out.printf(
                        "check-in: %s%nfan-out to %d families: %.1f s; %d Start presses at once: %s%n",
                        started.lines().findFirst().orElse(""), families, fanOut, families, startLatencies.summary());
                System.out.printf("%d answer presses at once: %s%n", presses, cold);
                System.out.printf("the same again (warm JIT): %s%n", warm);
                System.out.printf(
                        "burst: peak %s, after %s (VmHWM since start %s); %s%n",
                        mb(burstPeak), mb(after), mb(rss.highWaterMark()), loads.get(1));
                school.stopLooking();
                jcmd(bot.pid());

                // The largest mail the parser accepts, then one just over the limit.
                MimeMessage questionnaire = school.questionnairesReceived().get(0);
                String largest;
                long largestPeak;
                long afterLargest;
                try (Rss.Peak mailPeak = rss.peak()) {
                    largest = deliver(school, bot, largestReply(questionnaire, MAX_MESSAGE_BYTES - 4_096));
                    afterLargest = rss.now();
                    largestPeak = mailPeak.max();
                }
                String over = deliver(school, bot, overTheLimit(questionnaire, MAX_MESSAGE_BYTES + 4_096));
                long afterOver = rss.now();
                loads.add(load());
                System.out.printf(
                        "largest mail (%,d bytes): %s, peak %s, after %s; over the limit: %s, after %s; %s%n",
                        MAX_MESSAGE_BYTES - 4_096,
                        largest,
                        mb(largestPeak),
                        mb(afterLargest),
                        over,
                        mb(afterOver),
                        loads.get(2));
                school.stopLooking();
                if (bot.isAlive()) {
                    bot.terminate(); // as systemd stops it: the bot logs out of IMAP and Discord
                    bot.awaitExit(PATIENCE);
                }
                return String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s; %s | %s, %s (%s) | %s (%s) | %s |",
                        set.name(),
                        mb(idle),
                        mb(burstPeak),
                        mb(after),
                        cold.brief(),
                        warm.brief(),
                        mb(largestPeak),
                        mb(afterLargest),
                        largest,
                        mb(afterOver),
                        over,
                        String.join("; ", loads).replace("load average ", ""));
            }
        } finally {
            deleteQuietly(folder);
        }
    }

    /**
     * With {@code -Dbench.jcmd="VM.native_memory summary"} (and the flag
     * {@code -XX:NativeMemoryTracking=summary} in the set) or {@code GC.heap_info}: where the memory
     * goes, printed after the idle and the burst figures.
     */
    private static void jcmd(long pid) throws IOException, InterruptedException {
        String command = System.getProperty("bench.jcmd", "");
        if (command.isBlank()) {
            return;
        }
        List<String> words = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        words.addAll(Arrays.asList(command.strip().split("\\s+")));
        Process jcmd = new ProcessBuilder(words).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        System.out.print(out);
    }

    /** A burst's acknowledgement latencies and throughput. */
    record Presses(Latencies latencies, double perSecond) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f presses/s, acknowledgement %s", perSecond, latencies.summary());
        }

        /** "229/s, p99 3,768 ms" for the table. */
        String brief() {
            return String.format(
                    Locale.ROOT, "%.0f/s, p99 %s ms", perSecond, Latencies.millis(latencies.percentile(99)));
        }
    }

    /**
     * {@code count} answer presses sent at once, round all families; press {@code offset + i} picks
     * the scale point, so each family goes 1, 2, 3, 4, 5, 1, ... and every press changes its answer.
     */
    private static Presses pressAtOnce(
            SchoolForTheJar school, List<PostedMessage> greetings, List<PostedMessage> questions, int count, int offset)
            throws InterruptedException {
        int families = questions.size();
        long start = System.nanoTime();
        List<Interaction> presses = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            int who = i % families;
            presses.add(school.discord.pressButton(
                    school.onDiscord.get(who),
                    questions.get(who),
                    answerPrefix(greetings.get(who)) + ((i / families) % 5 + 1)));
        }
        Latencies latencies = awaitAll(presses);
        return new Presses(latencies, count / ((System.nanoTime() - start) / 1e9));
    }

    /** The custom id of a scale button on the first question, without the scale point. */
    private static String answerPrefix(PostedMessage greeting) {
        return greeting.customIds().get(0).replace("ci:start:", "ci:ans:") + ":0:";
    }

    /** {@code mail.max-message-bytes} of the bot: its default, or {@code -Dbench.mail.bytes}. */
    private static final int MAX_MESSAGE_BYTES = Integer.getInteger("bench.mail.bytes", 2_097_152);

    private static Latencies awaitAll(List<Interaction> interactions) throws InterruptedException {
        List<Duration> latencies = new ArrayList<>();
        for (Interaction each : interactions) {
            if (each.response(PATIENCE).isEmpty()) {
                throw new AssertionError("no answer to a press within " + PATIENCE.toSeconds() + " s");
            }
            latencies.add(each.acknowledgedIn().orElseThrow());
        }
        return new Latencies(latencies);
    }

    /** Delivers a raw mail to the bot's mailbox and waits until the bot has handled it; its outcome. */
    private static String deliver(SchoolForTheJar school, JarProcess bot, String raw) {
        long before = handled(school);
        try {
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.localhost", "localhost");
            Session session = Session.getInstance(properties);
            MimeMessage message =
                    new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(LocalMailServer.HOST, school.mail.smtpPort(), null, null);
                // As the bytes are: no header added or fixed.
                transport.sendMessage(message, new Address[] {new InternetAddress(SchoolForTheJar.BOT_MAILBOX)});
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        Eventually.await(
                "the bot to read mail " + (before + 1), PATIENCE, () -> !bot.isAlive() || handled(school) > before);
        if (!bot.isAlive()) {
            // -XX:+ExitOnOutOfMemoryError: the heap cap was too small for this mail.
            String last = bot.output().strip().lines().reduce((a, b) -> b).orElse("");
            return "the bot ended (" + last + ")";
        }
        return school.read(sql -> sql.one(
                        "SELECT outcome FROM mail_seen ORDER BY uid DESC LIMIT 1", row -> row.string("outcome")))
                .orElse("?");
    }

    private static long handled(SchoolForTheJar school) {
        return school.count("SELECT COUNT(*) AS n FROM mail_seen WHERE outcome <> 'reading'");
    }

    /**
     * A reply of about {@code size} bytes with the questionnaire's code: answers, then crafted HTML.
     * Lines end in CRLF, as SMTP carries them, so the size is the one the IMAP server reports.
     */
    static String largestReply(MimeMessage questionnaire, int size) throws Exception {
        String headers = replyHeaders(questionnaire) + "Content-Type: text/html; charset=UTF-8\r\n\r\n";
        StringBuilder html = new StringBuilder("<div>1. 4</div><div>2. Ze bouwde een hut</div><img title=\"")
                .append("a".repeat(300_000))
                .append("\">\r\n");
        for (int i = 0; i < 20_000; i++) {
            html.append(i % 50 == 0 ? "<blockquote>\r\n" : "<blockquote>");
        }
        html.append("diep\r\n<style>").append("<style \r\n".repeat(30_000)).append("</style>");
        String paragraph = "<p>Het gaat goed met Sam, hij speelt graag buiten.</p>\r\n";
        while (headers.length() + html.length() + paragraph.length() + 2 < size) {
            html.append(paragraph);
        }
        return headers + html + "\r\n";
    }

    /** A plain reply of about {@code size} bytes: over the limit, so the bot does not read it. */
    static String overTheLimit(MimeMessage questionnaire, int size) throws Exception {
        StringBuilder body = new StringBuilder(replyHeaders(questionnaire))
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n1. 1\r\n");
        while (body.length() < size) {
            body.append("Het gaat goed met Sam, hij speelt graag buiten, ook als het regent.\r\n");
        }
        return body.toString();
    }

    private static String replyHeaders(MimeMessage questionnaire) throws Exception {
        String family = SchoolForTheJar.recipient(questionnaire);
        return "From: " + family + "\r\nTo: " + questionnaire.getHeader("Reply-To")[0] + "\r\nSubject: Re: "
                + questionnaire.getHeader("Subject")[0] + "\r\nIn-Reply-To: " + questionnaire.getMessageID()
                + "\r\nMessage-ID: <r." + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\n";
    }

    static String mb(long kilobytes) {
        return String.format(Locale.ROOT, "%d MB", Math.round(kilobytes / 1000.0));
    }

    /** The machine's load average now: other builds on the same cores skew the timings. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.format(Locale.ROOT, "load average %s %s %s", parts[0], parts[1], parts[2]);
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }

    /** Resident memory of another process, in kB, from /proc/PID/status. */
    static final class Rss {
        private final Path status;

        Rss(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
        }

        long now() {
            return field("VmRSS:");
        }

        long highWaterMark() {
            return field("VmHWM:");
        }

        private long field(String name) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(
                                line.substring(name.length()).replace("kB", "").strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        /** Samples VmRSS every 20 ms on a thread of its own until closed; the largest sample. */
        Peak peak() {
            return new Peak(this);
        }

        static final class Peak implements AutoCloseable {
            private final AtomicLong max = new AtomicLong();
            private final Thread sampler;
            private volatile boolean running = true;

            Peak(Rss rss) {
                sampler = new Thread(
                        () -> {
                            while (running) {
                                max.accumulateAndGet(rss.now(), Math::max);
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "rss-sampler");
                sampler.setDaemon(true);
                sampler.start();
            }

            long max() {
                return max.get();
            }

            @Override
            public void close() {
                running = false;
                sampler.interrupt();
            }
        }
    }

    /** The JVM flags and environment of the shipped unit file, as ServiceFileTest reads them. */
    static final class ServiceFlags {
        private static final Path UNIT = Path.of("deploy/classbridge.service");

        static List<String> jvmFlags() throws IOException {
            String exec = setting("ExecStart=").get(0);
            List<String> words = Arrays.asList(exec.split("\\s+"));
            return words.subList(1, words.indexOf("-jar"));
        }

        static Map<String, String> environment() throws IOException {
            Map<String, String> environment = new HashMap<>();
            for (String value : setting("Environment=")) {
                for (String pair : value.split("\\s+")) {
                    environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            return environment;
        }

        private static List<String> setting(String key) throws IOException {
            return Files.readAllLines(UNIT).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(key.length()))
                    .toList();
        }
    }
}
