package nl.classbridge.translation;

import java.util.List;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text;
import nl.classbridge.store.TranslationCacheRepository;

/**
 * Someone's own words as spans for a reader: translated into the reader's language (with the label
 * and the original beside it) when the school translates, else as written. One place for the
 * composers of family messages (update copies, agreements), so each passes its free text only,
 * never a name.
 */
public final class FreeText {
    /** No translation at all: every text as written (tests and callers without a translator). */
    public static final FreeText AS_WRITTEN = new FreeText(null, null, null, false);

    private final Translations translations;
    private final TranslatedText translated;
    private final TranslationCacheRepository cache;
    private final boolean cacheOnly;

    public FreeText(Translations translations, TranslatedText translated, TranslationCacheRepository cache) {
        this(translations, translated, cache, false);
    }

    private FreeText(
            Translations translations, TranslatedText translated, TranslationCacheRepository cache, boolean cacheOnly) {
        this.translations = translations;
        this.translated = translated;
        this.cache = cache;
        this.cacheOnly = cacheOnly;
    }

    /**
     * The same, but only with translations made before (the cache), never asking the translator: for
     * a message shown again while someone waits on Discord's three seconds (a press that edits it),
     * after it was first composed and translated on its way out.
     */
    public FreeText fromCache() {
        return translations == null ? this : new FreeText(translations, translated, cache, true);
    }

    /** {@code text}, written in {@code from}, for a reader whose languages are {@code chain}. */
    public List<Text.Span> spans(String text, Language from, List<Language> chain) {
        return spansAll(List.of(text), from, chain).get(0);
    }

    /** Each of {@code texts} in order, translated in one call for the reader ({@code chain}'s first). */
    public List<List<Text.Span>> spansAll(List<String> texts, Language from, List<Language> chain) {
        if (translations == null) {
            return texts.stream()
                    .<List<Text.Span>>map(text -> List.of(new Text.Value(text)))
                    .toList();
        }
        Language to = chain.get(0);
        List<Rendition> renditions = cacheOnly && translations.on() && from != to
                ? texts.stream().map(text -> cached(text, from, to)).toList()
                : translations.translateAll(texts, from, to);
        return renditions.stream()
                .map(rendition -> translated.of(rendition, chain).spans())
                .toList();
    }

    private Rendition cached(String text, Language from, Language to) {
        if (text.isBlank()) {
            return Rendition.of(text, from, to, Rendition.Kind.SAME_LANGUAGE);
        }
        Optional<String> found = cache.find(text, from, to);
        return found.map(translation -> Rendition.translated(text, from, to, translation))
                .orElseGet(() -> Rendition.of(text, from, to, Rendition.Kind.UNAVAILABLE));
    }
}
