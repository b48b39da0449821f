package nl.classbridge.translators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.classbridge.translation.TranslationFailure;

/**
 * The pairs a provider translates, asked once an hour at most: the list changes only when the
 * school installs a language, and asking before every translation would double the calls.
 */
final class LanguageList {
    static final Duration KEPT = Duration.ofHours(1);

    /** Asks the provider for its pairs, as "from>to" codes. */
    interface Source {
        Set<String> pairs() throws TranslationFailure;
    }

    private final Source source;
    private final Clock clock;
    private Set<String> pairs;
    private Instant asked;

    LanguageList(Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    synchronized boolean contains(String from, String to) throws TranslationFailure {
        Instant now = clock.instant();
        if (pairs == null || !now.isBefore(asked.plus(KEPT))) {
            pairs = Set.copyOf(source.pairs()); // a failure keeps nothing, so the next call asks again
            asked = now;
        }
        return pairs.contains(pair(from, to));
    }

    static String pair(String from, String to) {
        return from + ">" + to;
    }
}
