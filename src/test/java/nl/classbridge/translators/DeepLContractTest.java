package nl.classbridge.translators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
 * The DeepL adapter, on DeepL's own client pointed at a stub with its server-URL option. The stub
 * answers as DeepL's API v2 documents: {@code POST /v2/translate} (form fields, the key in the
 * {@code Authorization: DeepL-Auth-Key} header) answers {@code {"translations": [{"text": ...}]}};
 * {@code /v2/languages} lists source or target languages; 456 is the used-up quota.
 */
class DeepLContractTest {
    private static final String SOURCES = """
            [{"language": "NL", "name": "Dutch"}, {"language": "EN", "name": "English"},
             {"language": "PL", "name": "Polish"}, {"language": "TR", "name": "Turkish"},
             {"language": "UK", "name": "Ukrainian"}]""";
    /** Arabic left out: a pair the stub's "DeepL" does not translate. */
    private static final String TARGETS = """
            [{"language": "NL", "name": "Dutch", "supports_formality": true},
             {"language": "EN-GB", "name": "English (British)", "supports_formality": false},
             {"language": "EN-US", "name": "English (American)", "supports_formality": false},
             {"language": "PL", "name": "Polish", "supports_formality": true},
             {"language": "TR", "name": "Turkish", "supports_formality": false},
             {"language": "UK", "name": "Ukrainian", "supports_formality": false}]""";

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private ProviderStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ProviderStub()
                .answer("/v2/languages", 200, SOURCES) // the client asks for sources without a type
                .answerWhen("/v2/languages", "type=target", 200, TARGETS);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private DeepLTranslator translator() {
        return new DeepLTranslator(
                Optional.of(stub.url()), Optional.of(Secret.of("0a1b2c3d-school-key")), Duration.ofMillis(300), clock);
    }

    private static String translations(String... texts) {
        return "{\"translations\": ["
                + java.util.Arrays.stream(texts)
                        .map(t -> "{\"detected_source_language\": \"NL\", \"text\": \"" + t
                                + "\", \"billed_characters\": 10}")
                        .collect(Collectors.joining(", "))
                + "]}";
    }

    /** The form fields of a request, in order, each name with its values. */
    private static Map<String, List<String>> form(String body) {
        return java.util.Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(
                                pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                                Collectors.toCollection(ArrayList::new))));
    }

    @Test
    void sendsOnlyTheTextsAndThePairWithTheKeyInTheHeader() throws Exception {
        stub.answer("/v2/translate", 200, translations("Dziękujemy za pomoc w piątek"));

        List<String> result = translator().translate(List.of("Bedankt voor je hulp vrijdag"), Language.NL, Language.PL);

        assertThat(result).containsExactly("Dziękujemy za pomoc w piątek");
        ProviderStub.Request request = stub.requests("/v2/translate").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("DeepL-Auth-Key 0a1b2c3d-school-key");
        assertThat(request.header("User-Agent")).doesNotContain(System.getProperty("os.name"));
        Map<String, List<String>> form = form(request.body());
        assertThat(form)
                .containsOnlyKeys("text", "source_lang", "target_lang", "formality", "show_billed_characters")
                .containsEntry("text", List.of("Bedankt voor je hulp vrijdag"))
                .containsEntry("source_lang", List.of("nl"))
                .containsEntry("target_lang", List.of("pl"))
                .containsEntry("formality", List.of("prefer_less"));
        assertThat(request.body()).doesNotContain("school-key");
        assertThat(request.query()).isNull();
    }

    @Test
    void severalTextsGoInOneCallAndComeBackInOrder() throws Exception {
        stub.answer("/v2/translate", 200, translations("one", "two", "three"));

        List<String> result = translator().translate(List.of("een", "twee", "drie"), Language.NL, Language.EN);

        assertThat(result).containsExactly("one", "two", "three");
        assertThat(stub.requests("/v2/translate")).hasSize(1);
        Map<String, List<String>> form =
                form(stub.requests("/v2/translate").get(0).body());
        assertThat(form.get("text")).containsExactly("een", "twee", "drie");
        assertThat(form.get("target_lang")).containsExactly("en-GB"); // DeepL refuses a bare "en" target
    }

    @Test
    void anUnsupportedPairIsSaidWithoutSendingTheText() throws Exception {
        DeepLTranslator translator = translator();

        assertThat(translator.supports(Language.UK, Language.NL)).isTrue();
        assertThat(translator.supports(Language.NL, Language.EN)).isTrue();
        assertThat(translator.supports(Language.NL, Language.AR)).isFalse();
        assertThatThrownBy(() -> translator.translate(List.of("Tot morgen"), Language.NL, Language.AR))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("unsupported-pair"));
        assertThat(stub.requests("/v2/translate")).isEmpty();
        assertThat(stub.requests("/v2/languages")).hasSize(2); // source and target, once for all three
    }

    @ParameterizedTest
    @CsvSource({
        "400, '{\"message\": \"Value for target_lang not supported.\"}', http-400",
        "403, '{\"message\": \"Wrong endpoint. Use https://api.deepl.com\"}', http-403",
        "429, '{\"message\": \"Too many requests\"}', http-429",
        "456, '{\"message\": \"Quota Exceeded\"}', quota",
        "503, '{\"message\": \"Service unavailable\"}', http-503",
        "200, '{\"translations\": []}', bad-response",
        "200, 'not json', bad-response"
    })
    void aRefusalIsAShortCodeWithoutDeepLsWords(int status, String body, String reason) {
        stub.answer("/v2/translate", status, body);

        assertThatThrownBy(() -> translator().translate(List.of("Hallo"), Language.NL, Language.TR))
                .isInstanceOfSatisfying(TranslationFailure.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo(reason);
                    assertThat(e.getCause()).isNull();
                });
        assertThat(stub.requests("/v2/translate")).hasSize(1); // no retries: the next message asks again
    }

    @Test
    void aRefusedKeyWhileAskingTheLanguagesIsAFailureToo() {
        stub.answer("/v2/languages", 403, "{\"message\": \"Authorization failure\"}");

        assertThatThrownBy(() -> translator().supports(Language.NL, Language.PL))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("http-403"));
    }

    @Test
    void aServerThatDoesNotAnswerIsATimeout() {
        stub.silent("/v2/translate");

        assertThatThrownBy(() -> translator().translate(List.of("Hallo"), Language.NL, Language.PL))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        stub.drop("/v2/translate");

        assertThatThrownBy(() -> translator().translate(List.of("Hallo"), Language.NL, Language.PL))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("unreachable"));
    }

    @Test
    void withoutAKeyNothingIsSent() {
        DeepLTranslator translator =
                new DeepLTranslator(Optional.of(stub.url()), Optional.empty(), Duration.ofMillis(300), clock);

        assertThatThrownBy(() -> translator.translate(List.of("Hallo"), Language.NL, Language.PL))
                .isInstanceOfSatisfying(
                        TranslationFailure.class, e -> assertThat(e.reason()).isEqualTo("no-api-key"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theServerFollowsTheKeyUnlessAUrlIsSet() {
        assertThat(DeepLTranslator.server(Optional.empty(), Optional.of(Secret.of("abc:fx"))))
                .isEqualTo("https://api-free.deepl.com");
        assertThat(DeepLTranslator.server(Optional.empty(), Optional.of(Secret.of("abc"))))
                .isEqualTo("https://api.deepl.com");
        assertThat(DeepLTranslator.server(Optional.of(stub.url()), Optional.of(Secret.of("abc"))))
                .isEqualTo("http://127.0.0.1:" + stub.url().getPort());
    }
}
