package nl.classbridge.translation;

import java.util.Objects;
import java.util.Optional;
import nl.classbridge.domain.Language;

/**
 * A text as a reader gets it: the original, and its translation when there is one.
 *
 * @param original    what was written, always kept: shown beside a translation, or alone
 * @param from        the language it was written in (as far as the bot knows)
 * @param to          the reader's language
 * @param translation the machine translation, only for {@link Kind#TRANSLATED}
 * @param kind        what happened
 */
public record Rendition(String original, Language from, Language to, Optional<String> translation, Kind kind) {

    public enum Kind {
        /** The school translates nothing ({@code translation.provider: none}): the original, as always. */
        OFF,
        /** Written in the reader's language, or nothing to translate. */
        SAME_LANGUAGE,
        /** Machine-translated: shown labelled, with the original beside it. */
        TRANSLATED,
        /** The translator failed, was too slow or does not know the pair: the original, with a note. */
        UNAVAILABLE
    }

    public Rendition {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(kind, "kind");
        if (translation.isPresent() != (kind == Kind.TRANSLATED)) {
            throw new IllegalArgumentException("a translation comes with TRANSLATED, and only with it");
        }
    }

    static Rendition of(String original, Language from, Language to, Kind kind) {
        return new Rendition(original, from, to, Optional.empty(), kind);
    }

    static Rendition translated(String original, Language from, Language to, String translation) {
        return new Rendition(original, from, to, Optional.of(translation), Kind.TRANSLATED);
    }

    /** The text the reader sees first: the translation when there is one, else the original. */
    public String shown() {
        return translation.orElse(original);
    }
}
