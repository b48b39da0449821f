package nl.classbridge.sandbox.discord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.classbridge.sandbox.faults.Hold;

/**
 * Faults injected into REST routes: the next N requests to a route get a 429 or a 5xx; and holds on
 * the answers to messages posted with an enforced nonce.
 */
final class Faults {
    /**
     * A pending fault.
     *
     * @param retryAfterSeconds for 429s: the {@code retry_after} Discord reports
     */
    record Rule(String method, String route, int status, double retryAfterSeconds) {}

    private static final class Pending {
        final Rule rule;
        int remaining;

        Pending(Rule rule, int remaining) {
            this.rule = rule;
            this.remaining = remaining;
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    /** A hold on messages whose enforced nonce starts with {@code prefix}. */
    private record NonceHold(String prefix, Hold hold) {}

    private final List<NonceHold> holds = new CopyOnWriteArrayList<>();

    synchronized void add(Rule rule, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        pending.add(new Pending(rule, times));
    }

    /** The fault to answer this request with, if one is due; each use counts down. */
    synchronized Optional<Rule> take(String method, String route) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending candidate = it.next();
            if (candidate.rule.method().equalsIgnoreCase(method)
                    && candidate.rule.route().equals(route)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.rule);
            }
        }
        return Optional.empty();
    }

    /** Ends every pending fault and lets held answers go. */
    synchronized void clear() {
        pending.clear();
        holds.forEach(held -> held.hold().release());
        holds.clear();
    }

    void hold(String noncePrefix, Hold hold) {
        holds.add(new NonceHold(noncePrefix, hold));
    }

    /** A message with an enforced nonce was stored; blocks while a hold keeps its answer. Never under a lock. */
    void noncedMessageStored(String nonce) {
        for (NonceHold held : holds) {
            if (nonce.startsWith(held.prefix())) {
                held.hold().pass();
            }
        }
    }
}
