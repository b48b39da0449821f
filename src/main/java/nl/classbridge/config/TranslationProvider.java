package nl.classbridge.config;

import java.util.Locale;

/** Who translates free text; written {@code none}, {@code libretranslate} or {@code deepl} in config. */
public enum TranslationProvider {
    /** Nothing is translated and nothing leaves the machine: the default. */
    NONE,
    /** A LibreTranslate server the school runs itself, at {@code translation.url}. */
    LIBRETRANSLATE,
    /** DeepL's API (a processor outside the school: it needs a processing agreement). */
    DEEPL;

    /** The word used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
