package nl.classbridge.sandbox.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;

/**
 * The page's own texts, from {@code messages/nl/sandbox.yml} and {@code messages/en/sandbox.yml}
 * like every other text, rendered for one reader's language and HTML-escaped. The page speaks
 * Dutch and English; what the bot sends keeps each family's own language.
 */
final class PageTexts {
    /** The languages the page itself speaks, Dutch first. */
    static final List<Language> SPOKEN = List.of(Language.NL, Language.EN);

    private final Messages messages;
    private final Language language;

    PageTexts(Messages messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    Language language() {
        return language;
    }

    /** The text for {@code sandbox.<key>}, with its values, escaped for HTML. */
    String get(String key, Map<String, ?> values) {
        return Html.text(plain(key, values));
    }

    String get(String key) {
        return get(key, Map.of());
    }

    /** The same without escaping: for a text that goes into a form field's value through {@link Html}. */
    String plain(String key, Map<String, ?> values) {
        return PageRendering.TEXT.render(
                messages.text("sandbox." + key, messages.chain(Optional.of(language), Optional.empty()), values));
    }

    /** The page's language from the visitor's choice, else from the browser's preference, else Dutch. */
    static Language choose(String chosen, String acceptLanguage) {
        Optional<Language> picked = Language.fromCode(chosen).filter(SPOKEN::contains);
        if (picked.isPresent()) {
            return picked.get();
        }
        String preferred = acceptLanguage == null ? "" : acceptLanguage.strip().toLowerCase(java.util.Locale.ROOT);
        return preferred.startsWith("en") ? Language.EN : Language.NL;
    }
}
