package nl.classbridge.translation;

import java.util.List;
import nl.classbridge.domain.Language;

/** A machine translator: the port the LibreTranslate and DeepL adapters implement. */
public interface Translator {
    /** What the configuration calls it: {@code none}, {@code libretranslate}, {@code deepl}. */
    String name();

    /** Whether it translates from {@code from} to {@code to}; a failure to find out is a failure. */
    boolean supports(Language from, Language to) throws TranslationFailure;

    /** {@code texts} translated, in the same order and as many; all or none. */
    List<String> translate(List<String> texts, Language from, Language to) throws TranslationFailure;
}
