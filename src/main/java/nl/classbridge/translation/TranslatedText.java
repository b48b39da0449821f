package nl.classbridge.translation;

import java.util.List;
import java.util.Map;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;

/**
 * A {@link Rendition} as text in the reader's languages ({@code translation.*} in {@code messages/}):
 * a translation with its "machine translation" label and the original beside it; an original the
 * translator could not do with the line saying so; anything else as written. What people wrote is
 * always a value, so every renderer escapes it.
 */
public final class TranslatedText {
    private final Messages messages;

    public TranslatedText(Messages messages) {
        this.messages = messages;
    }

    /** The rendition for a reader whose languages are {@code chain} (theirs first). */
    public Text of(Rendition rendition, List<Language> chain) {
        return switch (rendition.kind()) {
            case TRANSLATED ->
                messages.text(
                        "translation.translated",
                        chain,
                        Map.of("translation", rendition.translation().orElseThrow(), "original", rendition.original()));
            case UNAVAILABLE ->
                messages.text("translation.unavailable", chain, Map.of("original", rendition.original()));
            case OFF, SAME_LANGUAGE -> Text.of(List.of(new Text.Value(rendition.original())), chain.get(0));
        };
    }
}
