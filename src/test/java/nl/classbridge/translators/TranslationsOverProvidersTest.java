package nl.classbridge.translators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nl.classbridge.config.Secret;
import nl.classbridge.domain.Language;
import nl.classbridge.store.TranslationCacheRepository;
import nl.classbridge.testing.LogCapture;
import nl.classbridge.testing.MutableClock;
import nl.classbridge.testing.TestStore;
import nl.classbridge.translation.Rendition;
import nl.classbridge.translation.Translations;
import nl.classbridge.translation.Translator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapters under the real translation service and a real SQLite cache: a translation is made
 * once and kept; a refusal leaves the original with the "not available" path, and the log has the
 * code but never the text (here the provider's error even quotes it back).
 */
class TranslationsOverProvidersTest {
    private static final String TEXT = "Noor was verdrietig na de pauze";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(TestStore.T0);
    private TestStore store;
    private ProviderStub stub;

    @BeforeEach
    void start() throws Exception {
        store = new TestStore(folder);
        stub = new ProviderStub()
                .answer("/languages", 200, "[{\"code\": \"nl\", \"name\": \"Dutch\", \"targets\": [\"tr\"]}]")
                .answer("/v2/languages", 200, "[{\"language\": \"NL\", \"name\": \"Dutch\"}]")
                .answerWhen(
                        "/v2/languages",
                        "type=target",
                        200,
                        "[{\"language\": \"TR\", \"name\": \"Turkish\", \"supports_formality\": false}]");
    }

    @AfterEach
    void stop() {
        stub.close();
        store.close();
    }

    private Translations over(Translator translator) {
        return new Translations(
                translator, new TranslationCacheRepository(store.database), Duration.ofSeconds(5), clock);
    }

    private LibreTranslateTranslator libre() {
        return new LibreTranslateTranslator(stub.url(), Optional.of(Secret.of("k")), Duration.ofSeconds(2), clock);
    }

    private DeepLTranslator deepl() {
        return new DeepLTranslator(Optional.of(stub.url()), Optional.of(Secret.of("k")), Duration.ofSeconds(2), clock);
    }

    @Test
    void aTranslationIsMadeOnceAndKept() {
        stub.answer("/translate", 200, "{\"translatedText\": [\"Noor teneffüsten sonra üzgündü\"]}");
        try (Translations translations = over(libre())) {
            Rendition first = translations.translate(TEXT, Language.NL, Language.TR);
            Rendition again = translations.translate(TEXT, Language.NL, Language.TR);

            assertThat(first.kind()).isEqualTo(Rendition.Kind.TRANSLATED);
            assertThat(first.shown()).isEqualTo("Noor teneffüsten sonra üzgündü");
            assertThat(again.shown()).isEqualTo(first.shown());
            assertThat(stub.requests("/translate")).hasSize(1);
        }
    }

    @Test
    void aLibreTranslateRefusalLeavesTheOriginalAndLogsOnlyTheCode() {
        stub.answer("/translate", 403, "{\"error\": \"Invalid API key for: " + TEXT + "\"}");
        try (LogCapture log = new LogCapture();
                Translations translations = over(libre())) {
            Rendition rendition = translations.translate(TEXT, Language.NL, Language.TR);

            assertThat(rendition.kind()).isEqualTo(Rendition.Kind.UNAVAILABLE);
            assertThat(rendition.shown()).isEqualTo(TEXT);
            assertThat(log.lines()).anyMatch(line -> line.contains("(http-403)"));
            assertThat(String.join("\n", log.lines())).doesNotContain("Noor").doesNotContain("pauze");
        }
    }

    @Test
    void aDeepLQuotaLeavesTheOriginalAndLogsOnlyTheCode() {
        stub.answer("/v2/translate", 456, "{\"message\": \"Quota exceeded while translating " + TEXT + "\"}");
        try (LogCapture log = new LogCapture();
                Translations translations = over(deepl())) {
            Rendition rendition = translations.translate(TEXT, Language.NL, Language.TR);

            assertThat(rendition.kind()).isEqualTo(Rendition.Kind.UNAVAILABLE);
            assertThat(rendition.shown()).isEqualTo(TEXT);
            assertThat(log.lines()).anyMatch(line -> line.contains("(quota)"));
            assertThat(String.join("\n", log.lines())).doesNotContain("Noor").doesNotContain("pauze");
        }
    }
}
