package nl.classbridge.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.domain.SchoolClass;

/**
 * The catalogue's texts in the family's language, as {@link Text}s for the adapters to render.
 *
 * <p>Templates are filled from a plain map of values and nothing else: no lookups ({@code env:},
 * {@code sys:}, {@code file:}, {@code script:}), no defaults, no substitution inside values. A
 * parent called {@code {env:DISCORD_TOKEN}} stays exactly that. Each value is escaped by the
 * renderer of where the text goes, and a template that needs a value that was not given is an
 * error rather than a text with a hole.
 */
public final class Messages {
    private final MessageCatalogue catalogue;
    private final Language schoolDefault;
    /** Each catalogue text read once, at its first use, for the language it is written in. */
    private final Map<Written, Template> templates = new ConcurrentHashMap<>();

    private record Written(Language language, String text) {}

    public Messages(MessageCatalogue catalogue, Language schoolDefault) {
        this.catalogue = catalogue;
        this.schoolDefault = schoolDefault;
    }

    /**
     * The languages to try, in order: the family's own, the class's, the school's default, and
     * English last. Empty entries are skipped; each language is tried once.
     */
    public List<Language> chain(Optional<Language> family, Optional<Language> schoolClass) {
        Set<Language> chain = new LinkedHashSet<>();
        family.ifPresent(chain::add);
        schoolClass.ifPresent(chain::add);
        chain.add(schoolDefault);
        chain.add(Language.EN);
        return new ArrayList<>(chain);
    }

    /** For a family: their own language, then the class's. */
    public List<Language> chainFor(Guardian guardian, SchoolClass schoolClass) {
        return chain(guardian.plan().language(), Optional.of(schoolClass.language()));
    }

    /**
     * {@code key} in the first language of {@code chain} that has it, filled with {@code values}:
     * one paragraph, for the adapter to render or the core to compose into a larger text.
     */
    public Text text(String key, List<Language> chain, Map<String, ?> values) {
        Map.Entry<Language, String> found = catalogue
                .firstIn(chain, key)
                .orElseThrow(() -> new IllegalArgumentException("no message '" + key + "' in any language"));
        Language language = found.getKey();
        return templates
                .computeIfAbsent(new Written(language, found.getValue()), w -> Template.parse(w.text(), w.language()))
                .fill(values, language, key);
    }

    /** Whether any language has {@code key}: for texts named after data, such as an audit action. */
    public boolean has(String key) {
        return catalogue.firstIn(List.of(Language.values()), key).isPresent();
    }
}
