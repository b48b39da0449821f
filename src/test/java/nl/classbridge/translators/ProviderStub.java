package nl.classbridge.translators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A translation provider on 127.0.0.1 (a free port) that answers each path as told: a status with
 * a JSON body, no answer at all (until the stub is closed), or a dropped connection. It keeps
 * every request, so a test can check what was sent and where.
 */
final class ProviderStub implements AutoCloseable {
    /** What was asked: the method, path, query, headers and body. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private sealed interface Answer {}

    private record Json(int status, String body) implements Answer {}

    private record Silence() implements Answer {}

    private record Drop() implements Answer {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    ProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    ProviderStub answer(String path, int status, String json) {
        answers.put(path, new Json(status, json));
        return this;
    }

    /** As {@link #answer}, for requests to {@code path} whose body holds {@code fragment}. */
    ProviderStub answerWhen(String path, String fragment, int status, String json) {
        answers.put(path + "|" + fragment, new Json(status, json));
        return this;
    }

    /** The path never answers: the client's timeout must end the wait. */
    ProviderStub silent(String path) {
        answers.put(path, new Silence());
        return this;
    }

    /** The path closes the connection without an answer. */
    ProviderStub drop(String path) {
        answers.put(path, new Drop());
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        Answer answer = answers.entrySet().stream()
                .filter(e -> e.getKey().startsWith(path + "|")
                        && body.contains(e.getKey().substring(path.length() + 1)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(answers.getOrDefault(path, new Json(404, "{\"message\": \"Not Found\"}")));
        if (answer instanceof Drop) {
            // The JDK's server closes the connection, without an answer, when a handler fails.
            throw new IOException("stub: dropping the connection");
        }
        if (answer instanceof Silence) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Json json = (Json) answer;
        byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(json.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
