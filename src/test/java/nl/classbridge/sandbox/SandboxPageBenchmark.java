package nl.classbridge.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.classbridge.testing.Eventually;

/**
 * A benchmark, not a test: how long the sandbox takes to start in this JVM (the example school set
 * up through the bot), and how fast its page answers on loopback: the whole page, a family's live
 * part (their DMs and mailbox), and the watch that every open page asks once a second.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:java -Dbench.main=nl.classbridge.sandbox.SandboxPageBenchmark}
 */
public final class SandboxPageBenchmark {
    private static final int WARM_UP = 50;
    private static final int REQUESTS = 300;

    private SandboxPageBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("classbridge-bench");
        long started = System.nanoTime();
        try (Sandbox sandbox = Sandboxes.start(folder.resolve("sandbox.db"), Map.of(), true)) {
            System.out.printf(
                    "sandbox started with the example school in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            // A check-in fills every family's conversation and mailbox, as after the tour.
            long mailsBefore = sandbox.mail().received();
            sandbox.discord()
                    .slashCommand(
                            sandbox.school().teacher(),
                            sandbox.school().channel(),
                            "checkin start",
                            Map.of("questionnaire", "check-in"))
                    .awaitResponse();
            // Three families by email, and one whose private messages are closed.
            Eventually.await(
                    "the questionnaire mails",
                    Duration.ofSeconds(30),
                    () -> sandbox.mail().received() >= mailsBefore + 4);
            long guardian = sandbox.bot()
                    .store()
                    .guardians()
                    .inClass(sandbox.bot().store().classes().all().get(0).id())
                    .get(0)
                    .id();
            HttpClient http = HttpClient.newHttpClient();
            measure(http, sandbox.page().resolve("/"), "the whole page");
            measure(http, sandbox.page().resolve("/part/g" + guardian), "a family's live part");
            String watch = http.send(
                            HttpRequest.newBuilder(sandbox.page().resolve("/watch?v=none"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .replaceAll("(?s).*\\?v=([^\"]+)\".*", "$1");
            measure(http, sandbox.page().resolve("/watch?v=" + watch), "the watch, nothing changed");
        }
    }

    private static void measure(HttpClient http, URI address, String what) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(address).build();
        for (int i = 0; i < WARM_UP; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        List<Long> micros = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            bytes = http.send(request, HttpResponse.BodyHandlers.ofString())
                    .body()
                    .length();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        System.out.printf(
                "%-28s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d requests, %d characters)%n",
                what,
                micros.get(REQUESTS / 2) / 1000.0,
                micros.get(REQUESTS * 99 / 100) / 1000.0,
                micros.get(REQUESTS - 1) / 1000.0,
                REQUESTS,
                bytes);
    }
}
