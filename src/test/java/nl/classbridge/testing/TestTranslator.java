package nl.classbridge.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.classbridge.domain.Language;
import nl.classbridge.translation.TranslationFailure;
import nl.classbridge.translation.Translator;

/**
 * A deterministic translator for tests: "Fijn gelezen" from nl to ar becomes "[ar] Fijn gelezen".
 * It can be told to fail (as a provider that is down), to refuse pairs, or to hang until released
 * (as a provider slower than {@code translation.timeout-ms}); it counts its calls and keeps what it
 * was sent, so a test can check that only free text went out.
 */
public final class TestTranslator implements Translator {
    private volatile String failWith;
    private final Set<String> refused = new HashSet<>();
    private volatile CountDownLatch hang;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> sent = new ArrayList<>();

    /** What the test translator makes of {@code text} for {@code to}. */
    public static String translated(String text, Language to) {
        return "[" + to.code() + "] " + text;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public synchronized boolean supports(Language from, Language to) {
        return !refused.contains(from.code() + ">" + to.code());
    }

    @Override
    public List<String> translate(List<String> texts, Language from, Language to) throws TranslationFailure {
        calls.incrementAndGet();
        synchronized (this) {
            sent.addAll(texts);
        }
        CountDownLatch waiting = hang;
        if (waiting != null) {
            try {
                waiting.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranslationFailure("interrupted");
            }
        }
        String failure = failWith;
        if (failure != null) {
            throw new TranslationFailure(failure);
        }
        return texts.stream().map(text -> translated(text, to)).toList();
    }

    /** From now on every call fails with {@code reason} (a code such as {@code http-503}); null: works again. */
    public void failWith(String reason) {
        this.failWith = reason;
    }

    /** From now on it does not translate {@code from} to {@code to}. */
    public synchronized void refuse(Language from, Language to) {
        refused.add(from.code() + ">" + to.code());
    }

    /** From now on every call waits until {@link #release()}: slower than any timeout a test sets. */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch waiting = hang;
        hang = null;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    public int calls() {
        return calls.get();
    }

    /** Every text it was sent, in order. */
    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }
}
