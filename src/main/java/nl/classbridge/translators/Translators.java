package nl.classbridge.translators;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import nl.classbridge.config.Translation;
import nl.classbridge.translation.NoTranslator;
import nl.classbridge.translation.TranslationFailure;
import nl.classbridge.translation.Translator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The translator {@code translation.*} asks for, with one start-up line on where texts go. */
public final class Translators {
    private static final Logger LOG = LoggerFactory.getLogger(Translators.class);

    private Translators() {}

    public static Translator of(Translation translation, Clock clock) {
        return switch (translation.provider()) {
            case NONE -> new NoTranslator();
            case LIBRETRANSLATE -> libreTranslate(translation, clock);
            case DEEPL -> {
                LOG.info(
                        "Translation: free texts go to DeepL at {}",
                        DeepLTranslator.server(translation.url(), translation.apiKey()));
                if (translation.apiKey().isEmpty()) {
                    LOG.warn("Translation: CLASSBRIDGE_TRANSLATION_API_KEY is not set: DeepL translates nothing,"
                            + " texts go out as written with a note");
                }
                yield new DeepLTranslator(translation.url(), translation.apiKey(), translation.timeout(), clock);
            }
        };
    }

    private static Translator libreTranslate(Translation translation, Clock clock) {
        // The config check refuses libretranslate without a URL; this guards settings made in code.
        LibreTranslateTranslator libre = new LibreTranslateTranslator(
                translation
                        .url()
                        .orElseThrow(() -> new IllegalStateException(
                                "translation.url is required for translation.provider libretranslate")),
                translation.apiKey(),
                translation.timeout(),
                clock);
        // Asked in the background: start-up does not wait for the translation server.
        CompletableFuture.runAsync(() -> {
            try {
                if (libre.healthy()) {
                    LOG.info("Translation: free texts go to LibreTranslate at {}, which is up", libre.server());
                } else {
                    LOG.warn("Translation: LibreTranslate at {} says it is not well", libre.server());
                }
            } catch (TranslationFailure e) {
                LOG.warn(
                        "Translation: LibreTranslate at {} does not answer ({}): texts go out as written,"
                                + " with a note, until it does",
                        libre.server(),
                        e.reason());
            }
        });
        return libre;
    }
}
