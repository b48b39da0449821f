package nl.classbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The sandbox's page as a browser with htmx uses it: forms posted, parts fetched, each answered with 200. */
final class PageClient {
    private final Sandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    PageClient(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Posts a form as htmx does and returns the slot's new content. */
    String post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        String body = ordered.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(sandbox.page().resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** A part of the page, or the page itself, as the browser fetches it. */
    String get(String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(sandbox.page().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }
}
