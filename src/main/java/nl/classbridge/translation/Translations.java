package nl.classbridge.translation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.classbridge.domain.Language;
import nl.classbridge.logs.Failure;
import nl.classbridge.store.TranslationCacheRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates free text for a reader, never holding anything back: a translation already made comes
 * from the cache; the others go to the {@link Translator} in one call, which may take at most
 * {@code timeout}. When it fails, is too slow or does not know the pair, the originals come back
 * as {@link Rendition.Kind#UNAVAILABLE} and the caller sends them with a note. The log says why,
 * with a reason code only, never the text.
 */
public final class Translations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);

    private final Translator translator;
    private final TranslationCacheRepository cache;
    private final Duration timeout;
    private final Clock clock;
    private final boolean off;
    /** Runs the calls, so a slow translator can be given up on; the threads end when idle. */
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "classbridge-translation");
        thread.setDaemon(true);
        return thread;
    });

    public Translations(Translator translator, TranslationCacheRepository cache, Duration timeout, Clock clock) {
        this.translator = translator;
        this.cache = cache;
        this.timeout = timeout;
        this.clock = clock;
        this.off = translator instanceof NoTranslator;
    }

    /** Whether the school translates at all ({@code translation.provider} is not {@code none}). */
    public boolean on() {
        return !off;
    }

    /** The provider's name, for check-config and the status: none, libretranslate, deepl. */
    public String provider() {
        return translator.name();
    }

    /** {@code text}, written in {@code from}, for a reader of {@code to}. */
    public Rendition translate(String text, Language from, Language to) {
        return translateAll(List.of(text), from, to).get(0);
    }

    /** Each of {@code texts}, in order; what is not cached goes to the translator in one call. */
    public List<Rendition> translateAll(List<String> texts, Language from, Language to) {
        if (from == to || off) {
            Rendition.Kind kind = from == to ? Rendition.Kind.SAME_LANGUAGE : Rendition.Kind.OFF;
            return texts.stream()
                    .map(text -> Rendition.of(text, from, to, kind))
                    .toList();
        }
        Map<Integer, String> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isBlank()) {
                continue;
            }
            Optional<String> cached = cache.find(text, from, to);
            if (cached.isPresent()) {
                found.put(i, cached.get());
            } else if (!missing.contains(text)) {
                missing.add(text);
            }
        }
        Optional<List<String>> fresh = missing.isEmpty() ? Optional.of(List.of()) : call(missing, from, to);
        if (fresh.isPresent()) {
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), from, to, fresh.get().get(i), clock.instant());
            }
        }
        List<Rendition> renditions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isBlank()) {
                renditions.add(Rendition.of(text, from, to, Rendition.Kind.SAME_LANGUAGE));
            } else if (found.containsKey(i)) {
                renditions.add(Rendition.translated(text, from, to, found.get(i)));
            } else if (fresh.isPresent()) {
                renditions.add(Rendition.translated(text, from, to, fresh.get().get(missing.indexOf(text))));
            } else {
                renditions.add(Rendition.of(text, from, to, Rendition.Kind.UNAVAILABLE));
            }
        }
        return renditions;
    }

    /** The translator's answer within the timeout, or empty (logged with its reason code). */
    private Optional<List<String>> call(List<String> texts, Language from, Language to) {
        Future<List<String>> answer = calls.submit(() -> {
            if (!translator.supports(from, to)) {
                throw new TranslationFailure("unsupported-pair");
            }
            return translator.translate(texts, from, to);
        });
        String reason;
        try {
            List<String> translated = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (translated.size() == texts.size()) {
                return Optional.of(translated);
            }
            reason = "wrong-count";
        } catch (TimeoutException e) {
            answer.cancel(true);
            reason = "timeout";
        } catch (ExecutionException e) {
            reason = e.getCause() instanceof TranslationFailure failure ? failure.reason() : Failure.code(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            reason = "interrupted";
        }
        LOG.warn(
                "Translation {} -> {} by {} not available ({}): {} text(s) go out as written, with a note",
                from.code(),
                to.code(),
                translator.name(),
                reason,
                texts.size());
        return Optional.empty();
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
