package nl.classbridge.translation;

import java.util.List;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Text;

/**
 * Someone's own words as spans for a reader: translated into the reader's language (with the label
 * and the original beside it) when the school translates, else as written. One place for the
 * composers of family messages (update copies, agreements, the needs statement), so each passes its
 * free text only, never a name.
 */
public final class FreeText {
    /** No translation at all: every text as written (tests and callers without a translator). */
    public static final FreeText AS_WRITTEN = new FreeText(null, null);

    private final Translations translations;
    private final TranslatedText translated;

    public FreeText(Translations translations, TranslatedText translated) {
        this.translations = translations;
        this.translated = translated;
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
        return translations.translateAll(texts, from, chain.get(0)).stream()
                .map(rendition -> translated.of(rendition, chain).spans())
                .toList();
    }
}
