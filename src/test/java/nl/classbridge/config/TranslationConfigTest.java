package nl.classbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("translation.*: refused without a LibreTranslate URL, warned about when texts would leave unprotected")
class TranslationConfigTest {
    private static final Map<String, String> KEY = Map.of("CLASSBRIDGE_TRANSLATION_API_KEY", "k");

    @TempDir
    Path dir;

    private List<String> translationWarnings(String yaml, Map<String, String> env) throws Exception {
        return ConfigLoader.loadEffective(ConfigFiles.write(dir, yaml), env).warnings().stream()
                .filter(line -> line.contains("translation") || line.contains("TRANSLATION"))
                .toList();
    }

    @Test
    @DisplayName("libretranslate without translation.url is refused with one line naming the key")
    void libreTranslateNeedsAUrl() throws Exception {
        ConfigException e = ConfigFiles.refused(dir, "translation: {provider: libretranslate}\n");

        assertThat(e.key()).contains("translation.url");
        assertThat(e.getMessage())
                .startsWith("translation.url: is required for translation.provider libretranslate")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("a LibreTranslate server on this machine, or over https, is fine without a key")
    void loopbackOrHttps() throws Exception {
        assertThat(translationWarnings(
                        "translation: {provider: libretranslate, url: \"http://127.0.0.1:5000/\"}\n", Map.of()))
                .isEmpty();
        assertThat(translationWarnings(
                        "translation: {provider: libretranslate, url: \"https://translate.school.nl/\"}\n", Map.of()))
                .isEmpty();
    }

    @Test
    @DisplayName("plain http to another machine is warned about")
    void plainHttp() throws Exception {
        assertThat(translationWarnings(
                        "translation: {provider: libretranslate, url: \"http://translate.school.nl:5000/\"}\n", KEY))
                .singleElement()
                .asString()
                .startsWith("translation.url uses http: what teachers and families write crosses the network"
                        + " unencrypted");
    }

    @Test
    @DisplayName("deepl without CLASSBRIDGE_TRANSLATION_API_KEY is warned about; with it, nothing to say")
    void deeplNeedsAKey() throws Exception {
        assertThat(translationWarnings("translation: {provider: deepl}\n", Map.of()))
                .singleElement()
                .asString()
                .startsWith("CLASSBRIDGE_TRANSLATION_API_KEY is not set: DeepL needs the school's key");
        assertThat(translationWarnings("translation: {provider: deepl}\n", KEY)).isEmpty();
    }

    @Test
    @DisplayName("a URL or key with provider none is said to be unused")
    void unusedWithNone() throws Exception {
        assertThat(translationWarnings("translation: {url: \"https://translate.school.nl/\"}\n", Map.of()))
                .containsExactly("translation.provider is none: translation.url and CLASSBRIDGE_TRANSLATION_API_KEY"
                        + " are not used");
        assertThat(translationWarnings("", Map.of())).isEmpty();
    }
}
