package nl.classbridge.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.Language;

/**
 * What families wrote, for the teacher: each text from the language its writer uses with the bot
 * to the class's language, one translator call per language however many families wrote. Only the
 * texts go out, never who wrote them. Without a translator ({@link #none()}) every text comes back
 * as {@link Rendition.Kind#OFF}: the original, as before translation existed.
 */
public final class FamilyWords {
    private final Optional<Translations> translations;

    public FamilyWords(Translations translations) {
        this.translations = Optional.of(translations);
    }

    private FamilyWords() {
        this.translations = Optional.empty();
    }

    /** For services built without translation (tools, tests of other things): the originals. */
    public static FamilyWords none() {
        return new FamilyWords();
    }

    /** A text a family wrote, and the language they use with the bot. */
    public record Written(String text, Language language) {}

    /** Whether texts may go to a translator: a reply may then take up to {@code translation.timeout-ms}. */
    public boolean on() {
        return translations.map(Translations::on).orElse(false);
    }

    /** One text for a reader of {@code to}. */
    public Rendition forReader(Written written, Language to) {
        return forReader(List.of(written), to).get(0);
    }

    /** Each of {@code texts} for a reader of {@code to}, in order. */
    public List<Rendition> forReader(List<Written> texts, Language to) {
        if (translations.isEmpty()) {
            return texts.stream()
                    .map(written -> Rendition.of(
                            written.text(),
                            written.language(),
                            to,
                            written.language() == to ? Rendition.Kind.SAME_LANGUAGE : Rendition.Kind.OFF))
                    .toList();
        }
        Map<Language, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byLanguage
                    .computeIfAbsent(texts.get(i).language(), language -> new ArrayList<>())
                    .add(i);
        }
        List<Rendition> renditions = new ArrayList<>(java.util.Collections.nCopies(texts.size(), (Rendition) null));
        byLanguage.forEach((from, positions) -> {
            List<Rendition> done = translations
                    .get()
                    .translateAll(
                            positions.stream().map(i -> texts.get(i).text()).toList(), from, to);
            for (int j = 0; j < positions.size(); j++) {
                renditions.set(positions.get(j), done.get(j));
            }
        });
        return List.copyOf(renditions);
    }
}
