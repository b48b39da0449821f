package nl.classbridge.translation;

import java.util.List;
import nl.classbridge.domain.Language;

/** {@code translation.provider: none}, the default: translates nothing, so nothing leaves the machine. */
public final class NoTranslator implements Translator {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean supports(Language from, Language to) {
        return false;
    }

    @Override
    public List<String> translate(List<String> texts, Language from, Language to) throws TranslationFailure {
        throw new TranslationFailure("translation-off");
    }
}
