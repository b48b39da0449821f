package nl.classbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nl.classbridge.domain.DeliveryChannel;
import nl.classbridge.domain.Heartbeat;
import nl.classbridge.health.HealthReport;
import nl.classbridge.store.HealthRepository.Failures;
import nl.classbridge.store.HealthRepository.Queue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The endpoint over the JDK's HTTP server: loopback only, the two paths, and nothing else. */
class HealthServerTest {
    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HealthReport report(List<HealthReport.Problem> problems) {
        Heartbeat beat = new Heartbeat(
                NOW.minusSeconds(5),
                NOW.minusSeconds(3600),
                Optional.of(new Heartbeat.Gateway(true, Optional.of(Duration.ofMillis(42)))),
                Optional.of(new Heartbeat.MailReading(Duration.ofSeconds(60), Optional.of(NOW.minusSeconds(30)))),
                true,
                Map.of("class updates", NOW.plusSeconds(60), "heartbeat", NOW.plusSeconds(10)));
        return new HealthReport(
                NOW,
                true,
                Optional.of(beat),
                List.of(
                        new Queue(DeliveryChannel.DISCORD_DM, 0, 0, 0, Optional.empty()),
                        new Queue(DeliveryChannel.EMAIL, 3, 2, 1, Optional.of(NOW.minusSeconds(90)))),
                List.of(new Failures("dm-closed", true, 2), new Failures("smtp-550", false, 1)),
                Optional.of(NOW.minusSeconds(600)),
                new HealthReport.DatabaseFiles(1_234_567, 4_096, 13, 13),
                problems);
    }

    private static HttpResponse<String> send(int port, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("GET /health is JSON with 200 when all is well and 503 when something needs attention")
    void health() throws Exception {
        AtomicReference<HealthReport> now = new AtomicReference<>(report(List.of()));
        try (HealthServer server = HealthServer.start(0, now::get)) {
            HttpResponse<String> ok = send(server.port(), "GET", "/health");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode json = new ObjectMapper().readTree(ok.body());
            assertThat(json.get("status").asText()).isEqualTo("ok");
            assertThat(json.at("/discord/state").asText()).isEqualTo("connected");
            assertThat(json.at("/discord/latencyMs").asLong()).isEqualTo(42);
            assertThat(json.at("/outbox/1/channel").asText()).isEqualTo("email");
            assertThat(json.at("/outbox/1/waiting").asLong()).isEqualTo(3);
            assertThat(json.at("/outbox/1/oldestDueSeconds").asLong()).isEqualTo(90);
            assertThat(json.at("/failedLast24h/0/reason").asText()).isEqualTo("dm-closed");
            assertThat(json.at("/failedLast24h/0/outcome").asText()).isEqualTo("handed-off");
            assertThat(json.at("/mail/lastReadAt").asText()).isEqualTo("2026-12-06T19:59:30Z");
            assertThat(json.at("/mail/lastSentAt").asText()).isEqualTo("2026-12-06T19:50:00Z");
            assertThat(json.at("/nextRuns/class updates").asText()).isEqualTo("2026-12-06T20:01:00Z");
            assertThat(json.at("/database/schemaVersion").asInt()).isEqualTo(13);

            now.set(report(List.of(new HealthReport.Problem(HealthReport.Kind.OUTBOX_STUCK, "2 on email"))));
            HttpResponse<String> attention = send(server.port(), "GET", "/health");
            assertThat(attention.statusCode()).isEqualTo(503);
            JsonNode problem = new ObjectMapper().readTree(attention.body()).at("/problems/0");
            assertThat(problem.get("code").asText()).isEqualTo("outbox-stuck");
        }
    }

    @Test
    @DisplayName("GET /metrics is Prometheus text: each metric's HELP and TYPE before its samples, labels escaped")
    void metrics() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> report(List.of()))) {
            HttpResponse<String> response = send(server.port(), "GET", "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");
            String text = response.body();
            assertThat(text.lines())
                    .contains(
                            "classbridge_healthy 1",
                            "classbridge_problem{code=\"outbox-stuck\"} 0",
                            "classbridge_discord_connected 1",
                            "classbridge_discord_latency_seconds 0.042",
                            "classbridge_outbox_waiting{channel=\"email\"} 3",
                            "classbridge_outbox_due{channel=\"email\"} 2",
                            "classbridge_outbox_oldest_due_seconds{channel=\"email\"} 90",
                            "classbridge_deliveries_failed_24h{reason=\"dm-closed\",outcome=\"handed-off\"} 2",
                            "classbridge_mail_last_read_timestamp_seconds "
                                    + NOW.minusSeconds(30).getEpochSecond(),
                            "classbridge_job_next_run_timestamp_seconds{job=\"class updates\"} "
                                    + NOW.plusSeconds(60).getEpochSecond(),
                            "classbridge_database_bytes 1234567",
                            "classbridge_schema_version 13");
            // One group per metric: once a metric's samples end, its name does not come back.
            List<String> samples =
                    text.lines().filter(line -> !line.startsWith("#")).toList();
            String previous = "";
            java.util.Set<String> ended = new java.util.HashSet<>();
            for (String sample : samples) {
                String name = sample.split("[{ ]", 2)[0];
                if (!name.equals(previous)) {
                    assertThat(ended).as("samples of " + name + " in one group").doesNotContain(name);
                    ended.add(previous);
                    previous = name;
                }
            }
        }
    }

    @Test
    @DisplayName("only GET and HEAD on the two paths; other paths 404, other methods 405")
    void onlyTheTwoPaths() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> report(List.of()))) {
            assertThat(send(server.port(), "GET", "/").statusCode()).isEqualTo(404);
            assertThat(send(server.port(), "GET", "/admin").statusCode()).isEqualTo(404);
            HttpResponse<String> post = send(server.port(), "POST", "/health");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
            HttpResponse<String> head = send(server.port(), "HEAD", "/metrics");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    @DisplayName("a failing check answers 500 without the failure's text")
    void failingCheck() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> {
            throw new IllegalStateException("marker.ouder@example.org");
        })) {
            HttpResponse<String> response = send(server.port(), "GET", "/health");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("marker");
        }
    }

    @Test
    @DisplayName("it listens on the loopback address only: another address of this machine refuses the connection")
    void loopbackOnly() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> report(List.of()))) {
            assertThat(server.address().isLoopbackAddress()).isTrue();
            Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
            // A machine without a network card has no other address to try; the bound address says it all.
            if (outside.isPresent()) {
                assertThatThrownBy(() -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(outside.get(), server.port()), 2_000);
                            }
                        })
                        .isInstanceOf(IOException.class)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }
}
