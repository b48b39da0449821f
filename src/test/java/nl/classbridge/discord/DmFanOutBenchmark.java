package nl.classbridge.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.RestCall;

/**
 * A benchmark, not a test: a check-in started for a class of {@code bench.guardians} (1,000)
 * families, whose greetings the outbox sends as DMs through the local Discord server with
 * Discord's rate limits enforced (per-route buckets with their X-RateLimit headers, the global 50
 * requests per second, 429 with retry_after over a limit). Prints the DMs' achieved rate against
 * the configured pacing ({@code discord.dm-per-second}, here {@code bench.dm-per-second}, 50 by
 * default: the most the setting allows) and against Discord's 50 requests per second, the REST
 * requests per DM, the busiest second, the 429s, and the invalid requests (401, 403 and 429, as
 * Discord counts them toward its limit of 10,000 in 10 minutes).
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:java -Dbench.main=nl.classbridge.discord.DmFanOutBenchmark}
 * (about 60 seconds at 50 DMs a second, all on loopback).
 */
public final class DmFanOutBenchmark {
    private DmFanOutBenchmark() {}

    public static void main(String[] args) throws Exception {
        int guardians = Integer.getInteger("bench.guardians", 1_000);
        String pace = System.getProperty("bench.dm-per-second", "20");
        Path folder = Files.createTempDirectory("classbridge-fanout");
        long setUpStart = System.nanoTime();
        try (SchoolOnDiscord school = new SchoolOnDiscord(
                folder,
                LocalDiscord.builder().discordRateLimits(true),
                s -> s.extraEnvironment.put("CLASSBRIDGE_DISCORD_DM_PER_SECOND", pace))) {
            school.teacher("class setup", Map.of("name", "Groep 5"));
            List<LocalUser> parents = new ArrayList<>();
            for (int i = 0; i < guardians; i++) {
                String child = PressingFamilies.childName(i);
                school.teacher("student add", Map.of("name", child));
                LocalUser parent = school.parent("ouder" + i);
                school.command(
                        parent, school.discord.directChannel(parent), "join", Map.of("code", school.inviteCode(child)));
                parents.add(parent);
            }
            System.out.printf(
                    "DM fan-out: %d families on Discord, set up in %.1f s; %s%n",
                    guardians, (System.nanoTime() - setUpStart) / 1e9, ButtonBurstBenchmark.loadAverage());

            int before = school.discord.restCalls().size();
            long start = System.nanoTime();
            school.teacher("checkin start", Map.of("questionnaire", "check-in"));
            Duration timeout = Duration.ofSeconds(Long.getLong(
                    "bench.timeout.seconds", Math.max(60, (long) (3 * guardians / Double.parseDouble(pace)))));
            try {
                school.discord.await(
                        guardians + " greetings",
                        timeout,
                        () -> sentMessages(school.discord.restCalls(), before) >= guardians);
            } catch (AssertionError timedOut) {
                System.out.printf("NOT ALL DELIVERED: stopped waiting after %d s%n", timeout.toSeconds());
            }
            long nanos = System.nanoTime() - start;
            List<RestCall> calls = school.discord.restCalls();
            calls = calls.subList(before, calls.size());

            long greeted = parents.stream()
                    .filter(parent -> school.discord.directMessagesTo(parent).stream()
                            .anyMatch(m -> m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:"))))
                    .count();
            long limited = calls.stream().filter(call -> call.status() == 429).count();
            long invalid = calls.stream()
                    .filter(call -> call.status() == 401 || call.status() == 403 || call.status() == 429)
                    .count();
            long counted = calls.stream()
                    .filter(call -> !call.route().startsWith("interactions/")
                            && !call.route().startsWith("webhooks/"))
                    .count();
            double seconds = nanos / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "configured pacing: %s DMs per second; Discord's global limit: 50 requests per second%n",
                    pace);
            System.out.printf(
                    Locale.ROOT,
                    "greetings delivered: %d of %d in %.1f s: %.1f DMs per second achieved%n",
                    greeted,
                    guardians,
                    seconds,
                    greeted / seconds);
            System.out.printf(
                    Locale.ROOT,
                    "REST requests counted toward the global limit: %d (%.2f per DM), %.1f per second on average,"
                            + " %d in the busiest second%n",
                    counted,
                    (double) counted / Math.max(1, greeted),
                    counted / seconds,
                    busiestSecond(calls));
            System.out.printf(
                    "429 answers: %d; invalid requests (401, 403, 429): %d; other errors: %d%n",
                    limited,
                    invalid,
                    calls.stream()
                            .filter(call -> call.status() >= 400
                                    && call.status() != 429
                                    && call.status() != 401
                                    && call.status() != 403)
                            .count());
            System.out.printf("by route: %s%n", byRoute(calls));
        }
    }

    /** Messages the server accepted since call number {@code from}. */
    private static long sentMessages(List<RestCall> calls, int from) {
        return calls.subList(from, calls.size()).stream()
                .filter(call -> call.method().equals("POST")
                        && call.route().equals("channels/{channel_id}/messages")
                        && call.status() == 200)
                .count();
    }

    /** The most requests (outside interactions) the server answered in any one second. */
    private static long busiestSecond(List<RestCall> calls) {
        List<Instant> times = calls.stream()
                .filter(call -> !call.route().startsWith("interactions/")
                        && !call.route().startsWith("webhooks/"))
                .map(RestCall::at)
                .sorted()
                .toList();
        long most = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (Duration.between(times.get(first), times.get(last)).toMillis() >= 1000) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private static String byRoute(List<RestCall> calls) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach(call -> counts.merge(call.method() + " " + call.route() + " " + call.status(), 1L, Long::sum));
        return counts.toString();
    }
}
