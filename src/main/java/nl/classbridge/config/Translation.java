package nl.classbridge.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Machine translation of free text (what teachers and families write; never the hand-written
 * templates).
 *
 * @param provider who translates; {@link TranslationProvider#NONE} sends nothing anywhere
 * @param url      libretranslate: the server; deepl: another API server than DeepL's own (tests, a proxy)
 * @param apiKey   the provider's key, from the environment only
 * @param timeout  how long a translation may take before the original goes out with a note
 */
public record Translation(TranslationProvider provider, Optional<URI> url, Optional<Secret> apiKey, Duration timeout) {

    public Translation {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** No translation, the default. */
    public static Translation none() {
        return new Translation(TranslationProvider.NONE, Optional.empty(), Optional.empty(), Duration.ofSeconds(3));
    }
}
