package nl.classbridge.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import nl.classbridge.health.HealthReport;
import nl.classbridge.logs.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers monitoring on 127.0.0.1 only: {@code GET /health} is the report as JSON, HTTP 200 when all
 * is well and 503 when something needs attention (so a plain HTTP check works); {@code GET /metrics}
 * is the same report in Prometheus' text format. Anything else gets 404 or 405. Nothing it serves
 * names a family (see {@link HealthReport}).
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on the loopback address at {@code port} (0: any free port, for tests). */
    public static HealthServer start(int port, Supplier<HealthReport> health) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
            // One thread: a check takes milliseconds, and monitoring asks a few times a minute.
            ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "classbridge-health");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.createContext("/", exchange -> answer(exchange, health));
            server.start();
            LOG.info(
                    "Health endpoint on http://127.0.0.1:{}/health and /metrics",
                    server.getAddress().getPort());
            return new HealthServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("ops.port: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address it listens on: always a loopback address. */
    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    private static void answer(HttpExchange exchange, Supplier<HealthReport> health) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/health") || path.equals("/metrics");
            if (!known) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found: try /health or /metrics\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET\n");
                return;
            }
            HealthReport report;
            try {
                report = health.get();
            } catch (RuntimeException e) {
                LOG.warn("Health check failed ({})", Failure.code(e), Failure.withoutText(e));
                send(exchange, 500, "text/plain; charset=utf-8", "The health check failed; see the bot's log\n");
                return;
            }
            if (path.equals("/health")) {
                send(exchange, report.healthy() ? 200 : 503, "application/json; charset=utf-8", HealthJson.of(report));
            } else {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", Metrics.of(report));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
