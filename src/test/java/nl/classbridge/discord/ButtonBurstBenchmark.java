package nl.classbridge.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;

/**
 * A benchmark, not a test: 500 button presses in one burst from 25 parents, through the local
 * Discord server, into the real ClassBridge (real JDA, real SQLite). Prints how long the bot took
 * to acknowledge each press (Discord allows 3 seconds), as p50, p99 and max, and the throughput.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:java}
 */
public final class ButtonBurstBenchmark {
    private static final int PARENTS = 25;
    private static final int PRESSES = 500;

    private ButtonBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("classbridge-bench");
        try (SchoolOnDiscord school = new SchoolOnDiscord(folder)) {
            school.teacher("class setup", Map.of("name", "Groep 5"));
            List<LocalUser> parents = new ArrayList<>();
            for (int i = 0; i < PARENTS; i++) {
                String child = "Kind" + (char) ('A' + i);
                school.teacher("student add", Map.of("name", child));
                LocalUser parent = school.parent("ouder" + i);
                school.command(parent, school.discord.directChannel(parent), "join",
                        Map.of("code", school.inviteCode(child)));
                parents.add(parent);
            }
            school.teacher("checkin start", Map.of("questionnaire", "check-in"));
            List<PostedMessage> questions = new ArrayList<>();
            List<String> firstQuestionIds = new ArrayList<>();
            for (LocalUser parent : parents) {
                PostedMessage greeting = school.discord.awaitValue("a greeting", () -> school.discord
                        .directMessagesTo(parent).stream()
                        .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:"))).findFirst());
                String start = greeting.customIds().get(0);
                String firstQuestion = school.discord.pressButton(parent, greeting, start).awaitResponse().content();
                questions.add(school.discord.awaitValue("the first question", () -> school.discord
                        .directMessagesTo(parent).stream()
                        .filter(m -> m.id() == greeting.id() && m.content().equals(firstQuestion)).findFirst()));
                firstQuestionIds.add(start.replace("ci:start:", "ci:ans:") + ":0:");
            }

            // One at a time first: the time one press costs when nothing else is waiting.
            List<Duration> single = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int who = i % PARENTS;
                Interaction press = school.discord.pressButton(parents.get(who), questions.get(who),
                        firstQuestionIds.get(who) + (i % 5 + 1));
                press.awaitResponse();
                single.add(press.acknowledgedIn().orElseThrow());
            }
            single.sort(Comparator.naturalOrder());

            long heapBefore = usedHeap();
            long burstStart = System.nanoTime();
            List<Interaction> presses = new ArrayList<>();
            for (int i = 0; i < PRESSES; i++) {
                int who = i % PARENTS;
                // Each press answers the first question again (a new scale point): a write and a re-render.
                presses.add(school.discord.pressButton(parents.get(who), questions.get(who),
                        firstQuestionIds.get(who) + (i % 5 + 1)));
            }
            presses.forEach(Interaction::awaitResponse);
            long burstNanos = System.nanoTime() - burstStart;

            List<Duration> latencies = presses.stream().map(p -> p.acknowledgedIn().orElseThrow())
                    .sorted(Comparator.naturalOrder()).toList();
            System.out.printf("ClassBridge button burst: %d presses from %d parents, real JDA + local Discord + SQLite%n",
                    PRESSES, PARENTS);
            System.out.printf("one press at a time (100): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    millis(percentile(single, 50)), millis(percentile(single, 99)), millis(single.get(single.size() - 1)));
            System.out.printf("burst acknowledgement latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    millis(percentile(latencies, 50)), millis(percentile(latencies, 99)),
                    millis(latencies.get(latencies.size() - 1)));
            System.out.printf("throughput: %.0f presses/s (burst of %d in %.2f s)%n",
                    PRESSES / (burstNanos / 1e9), PRESSES, burstNanos / 1e9);
            System.out.printf("heap used: %d MiB before the burst, %d MiB after%n", heapBefore, usedHeap());
            System.out.printf("within Discord's 3 s: %d of %d%n",
                    latencies.stream().filter(d -> d.compareTo(Duration.ofSeconds(3)) < 0).count(), PRESSES);
        }
    }

    private static Duration percentile(List<Duration> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
