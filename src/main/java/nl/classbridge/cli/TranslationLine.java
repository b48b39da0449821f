package nl.classbridge.cli;

import nl.classbridge.config.Translation;
import nl.classbridge.translators.DeepLTranslator;
import nl.classbridge.translators.LibreTranslateTranslator;

/** check-config's line on the translator: who it is and where written texts go. */
final class TranslationLine {
    private TranslationLine() {}

    static String of(Translation translation) {
        return switch (translation.provider()) {
            case NONE -> "Translation: none; nothing is sent anywhere, what people write is shown as written";
            case LIBRETRANSLATE ->
                "Translation: libretranslate; free texts and their language pair go to the school's LibreTranslate"
                        + " server at "
                        + translation
                                .url()
                                .map(LibreTranslateTranslator::server)
                                .orElse("(not set)");
            case DEEPL ->
                "Translation: deepl; free texts and their language pair go to DeepL at "
                        + DeepLTranslator.server(translation.url(), translation.apiKey())
                        + " (the school needs a processing agreement with DeepL)";
        };
    }
}
