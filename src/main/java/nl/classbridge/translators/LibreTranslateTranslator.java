package nl.classbridge.translators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.classbridge.config.Secret;
import nl.classbridge.domain.Language;
import nl.classbridge.translation.TranslationFailure;
import nl.classbridge.translation.Translator;

/**
 * {@code translation.provider: libretranslate}: a LibreTranslate server the school runs itself, at
 * {@code translation.url}. {@code POST /translate} with the texts as an array ({@code q}), the
 * pair, {@code format: text} and the API key when one is set; {@code GET /languages} for the
 * pairs; {@code GET /health} for the start-up log.
 */
public final class LibreTranslateTranslator implements Translator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Optional<Secret> apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final LanguageList languages;

    public LibreTranslateTranslator(URI url, Optional<Secret> apiKey, Duration timeout, Clock clock) {
        String text = url.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/"); // a server under a path keeps it
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER) // the texts go to the configured server only
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.languages = new LanguageList(this::pairs, clock);
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public boolean supports(Language from, Language to) throws TranslationFailure {
        return from != to && languages.contains(from.code(), to.code());
    }

    @Override
    public List<String> translate(List<String> texts, Language from, Language to) throws TranslationFailure {
        if (texts.isEmpty()) {
            return List.of();
        }
        if (!supports(from, to)) {
            throw new TranslationFailure("unsupported-pair");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode q = body.putArray("q"); // an array even for one text: the answer is an array too
        texts.forEach(q::add);
        body.put("source", from.code());
        body.put("target", to.code());
        body.put("format", "text");
        apiKey.ifPresent(key -> body.put("api_key", key.reveal()));
        HttpRequest request = request("translate")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        JsonNode translated = answer(request).path("translatedText");
        if (translated.isTextual() && texts.size() == 1) {
            return List.of(translated.asText());
        }
        if (!translated.isArray() || translated.size() != texts.size()) {
            throw new TranslationFailure("bad-response");
        }
        List<String> result = new ArrayList<>(texts.size());
        for (JsonNode one : translated) {
            if (!one.isTextual()) {
                throw new TranslationFailure("bad-response");
            }
            result.add(one.asText());
        }
        return result;
    }

    /** Whether the server says it is well ({@code {"status": "ok"}}); a failure says why not. */
    public boolean healthy() throws TranslationFailure {
        return answer(request("health").GET().build()).path("status").asText().equals("ok");
    }

    /** The server without a path, user or query: what the start-up log may say. */
    public String server() {
        return server(base);
    }

    /** Scheme, host and port of {@code url}: never a user or a path that might hold a secret. */
    public static String server(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** Every pair the server translates: each language to its {@code targets}, or to all others. */
    private Set<String> pairs() throws TranslationFailure {
        JsonNode list = answer(request("languages").GET().build());
        if (!list.isArray()) {
            throw new TranslationFailure("bad-response");
        }
        Set<String> codes = new HashSet<>();
        list.forEach(language -> codes.add(code(language.path("code"))));
        Set<String> pairs = new HashSet<>();
        for (JsonNode language : list) {
            String from = code(language.path("code"));
            JsonNode targets = language.path("targets"); // older servers leave it out: every pair
            if (targets.isArray()) {
                targets.forEach(target -> pairs.add(LanguageList.pair(from, code(target))));
            } else {
                codes.forEach(to -> pairs.add(LanguageList.pair(from, to)));
            }
        }
        return pairs;
    }

    private static String code(JsonNode node) {
        return node.asText().toLowerCase(Locale.ROOT);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    /** The JSON of a 200 answer; anything else is a failure with a code, never the server's words. */
    private JsonNode answer(HttpRequest request) throws TranslationFailure {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TranslationFailure("timeout");
        } catch (IOException e) {
            throw new TranslationFailure("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationFailure("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new TranslationFailure("http-" + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TranslationFailure("bad-response"); // without the cause: it quotes the answer
        }
    }
}
