package nl.classbridge.translators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.classbridge.config.Secret;
import nl.classbridge.domain.Language;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.translation.TranslationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LibreTranslate adapter against a stub that answers as LibreTranslate's API documents:
 * {@code POST /translate} with {@code q} as an array answers {@code {"translatedText": [...]}};
 * {@code GET /languages} lists each language with its {@code targets}; errors are
 * {@code {"error": "..."}} with a 4xx status.
 */
class LibreTranslateContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dutch to Arabic and Polish to Dutch, as a server started with a few languages offers them. */
    private static final String LANGUAGES = """
            [{"code": "nl", "name": "Dutch", "targets": ["ar", "en", "pl"]},
             {"code": "ar", "name": "Arabic", "targets": ["en", "nl"]},
             {"code": "pl", "name": "Polish", "targets": ["nl"]},
             {"code": "en", "name": "English", "targets": ["ar", "nl", "pl"]}]""";

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private ProviderStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ProviderStub().answer("/languages", 200, LANGUAGES);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LibreTranslateTranslator translator(Optional<Secret> key) {
        return new LibreTranslateTranslator(stub.url(), key, Duration.ofMillis(500), clock);
    }

    @Test
    void sendsOnlyTheTextsThePairAndTheKeyAndReadsTheTranslation() throws Exception {
        stub.answer("/translate", 200, "{\"translatedText\": [\"نحن نذهب إلى الغابة يوم الجمعة\"]}");

        List<String> result = translator(Optional.of(Secret.of("school-key")))
                .translate(List.of("Vrijdag gaan we naar het bos"), Language.NL, Language.AR);

        assertThat(result).containsExactly("نحن نذهب إلى الغابة يوم الجمعة");
        ProviderStub.Request request = stub.requests("/translate").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("q", "source", "target", "format", "api_key");
        assertThat(body.get("q").isArray()).isTrue();
        assertThat(body.get("q").get(0).asText()).isEqualTo("Vrijdag gaan we naar het bos");
        assertThat(body.get("source").asText()).isEqualTo("nl");
        assertThat(body.get("target").asText()).isEqualTo("ar");
        assertThat(body.get("format").asText()).isEqualTo("text");
        assertThat(body.get("api_key").asText()).isEqualTo("school-key");
        assertThat(request.query()).isNull(); // the key is in the body, not in a URL a proxy might log
    }

    @Test
    void withoutAKeyNoKeyIsSent() throws Exception {
        stub.answer("/translate", 200, "{\"translatedText\": [\"Dziękuję\"]}");

        translator(Optional.empty()).translate(List.of("Dank je"), Language.NL, Language.PL);

        JsonNode body = JSON.readTree(stub.requests("/translate").get(0).body());
        assertThat(body.has("api_key")).isFalse();
    }

    @Test
    void severalTextsGoInOneCallAndComeBackInOrder() throws Exception {
        stub.answer("/translate", 200, "{\"translatedText\": [\"one\", \"two\", \"three\"]}");

        List<String> result =
                translator(Optional.empty()).translate(List.of("een", "twee", "drie"), Language.NL, Language.EN);

        assertThat(result).containsExactly("one", "two", "three");
        assertThat(stub.requests("/translate")).hasSize(1);
        JsonNode q = JSON.readTree(stub.requests("/translate").get(0).body()).get("q");
        assertThat(q).extracting(JsonNode::asText).containsExactly("een", "twee", "drie");
    }

    @Test
    void anUnsupportedPairIsSaidWithoutSendingTheText() throws Exception {
        LibreTranslateTranslator translator = translator(Optional.empty());

        assertThat(translator.supports(Language.NL, Language.AR)).isTrue();
        assertThat(translator.supports(Language.PL, Language.AR)).isFalse();
        assertThat(translator.supports(Language.TR, Language.NL)).isFalse(); // not installed at all
        assertThatThrownBy(() -> translator.translate(List.of("Dzień dobry"), Language.PL, Language.AR))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("unsupported-pair"));
        assertThat(stub.requests("/translate")).isEmpty();
    }

    @Test
    void theLanguagesAreAskedOnceAnHour() throws Exception {
        LibreTranslateTranslator translator = translator(Optional.empty());

        translator.supports(Language.NL, Language.AR);
        translator.supports(Language.PL, Language.NL);
        clock.advance(Duration.ofMinutes(59));
        translator.supports(Language.EN, Language.NL);
        assertThat(stub.requests("/languages")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        translator.supports(Language.EN, Language.NL);
        assertThat(stub.requests("/languages")).hasSize(2);
    }

    @Test
    void aServerWithoutTargetsTranslatesBetweenAllItsLanguages() throws Exception {
        stub.answer(
                "/languages",
                200,
                "[{\"code\": \"nl\", \"name\": \"Dutch\"}, {\"code\": \"uk\", \"name\": \"Ukrainian\"}]");

        LibreTranslateTranslator translator = translator(Optional.empty());

        assertThat(translator.supports(Language.UK, Language.NL)).isTrue();
        assertThat(translator.supports(Language.NL, Language.UK)).isTrue();
        assertThat(translator.supports(Language.NL, Language.TR)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "400, '{\"error\": \"Invalid request: missing q parameter\"}', http-400",
        "403, '{\"error\": \"Invalid API key\"}', http-403",
        "429, '{\"error\": \"Too many request limits violations\"}', http-429",
        "500, '{\"error\": \"Cannot translate text\"}', http-500",
        "200, '{\"translatedText\": [\"only one\"]}', bad-response",
        "200, 'not json', bad-response"
    })
    void aRefusalIsAShortCodeWithoutTheServersWords(int status, String body, String reason) {
        stub.answer("/translate", status, body);

        assertThatThrownBy(() ->
                        translator(Optional.of(Secret.of("k"))).translate(List.of("a", "b"), Language.NL, Language.AR))
                .isInstanceOfSatisfying(TranslationFailure.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo(reason);
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void aServerThatDoesNotAnswerIsATimeout() {
        stub.silent("/translate");

        assertThatThrownBy(() -> translator(Optional.empty()).translate(List.of("Hallo"), Language.NL, Language.AR))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        stub.drop("/translate");

        assertThatThrownBy(() -> translator(Optional.empty()).translate(List.of("Hallo"), Language.NL, Language.AR))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("unreachable"));
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws Exception {
        LibreTranslateTranslator translator = translator(Optional.empty());
        stub.close();

        assertThatThrownBy(() -> translator.supports(Language.NL, Language.AR))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("unreachable"));
    }

    @Test
    void theHealthEndpointSaysWhetherTheServerIsWell() throws Exception {
        stub.answer("/health", 200, "{\"status\": \"ok\"}");
        assertThat(translator(Optional.empty()).healthy()).isTrue();

        stub.answer("/health", 200, "{\"status\": \"starting\"}");
        assertThat(translator(Optional.empty()).healthy()).isFalse();
    }

    @Test
    void aServerUnderAPathKeepsItsPath() throws Exception {
        stub.answer("/lt/languages", 200, LANGUAGES).answer("/lt/translate", 200, "{\"translatedText\": [\"Hello\"]}");
        LibreTranslateTranslator translator = new LibreTranslateTranslator(
                stub.url().resolve("/lt"), Optional.empty(), Duration.ofMillis(500), clock);

        assertThat(translator.translate(List.of("Hallo"), Language.NL, Language.EN))
                .containsExactly("Hello");
        assertThat(translator.server())
                .isEqualTo("http://127.0.0.1:" + stub.url().getPort());
    }
}
