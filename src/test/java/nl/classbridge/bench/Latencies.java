package nl.classbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Latencies of one measured phase, sorted once: percentiles and a one-line summary in milliseconds. */
public final class Latencies {
    private final List<Duration> sorted;

    public Latencies(Collection<Duration> latencies) {
        if (latencies.isEmpty()) {
            throw new IllegalArgumentException("no latencies");
        }
        List<Duration> copy = new ArrayList<>(latencies);
        copy.sort(Comparator.naturalOrder());
        this.sorted = List.copyOf(copy);
    }

    public int count() {
        return sorted.size();
    }

    /** The nearest-rank percentile. */
    public Duration percentile(double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    public Duration max() {
        return sorted.get(sorted.size() - 1);
    }

    public long within(Duration limit) {
        return sorted.stream().filter(d -> d.compareTo(limit) < 0).count();
    }

    /** "p50 1.2 ms, p99 3.4 ms, max 5.6 ms". */
    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "p50 %s ms, p99 %s ms, max %s ms",
                millis(percentile(50)),
                millis(percentile(99)),
                millis(max()));
    }

    public static String millis(Duration duration) {
        double ms = duration.toNanos() / 1e6;
        return ms >= 100
                ? String.format(java.util.Locale.ROOT, "%,.0f", ms)
                : String.format(java.util.Locale.ROOT, "%.1f", ms);
    }
}
