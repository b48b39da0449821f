package nl.classbridge.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name a mistyped one was probably meant to be, for "did you mean ...?". */
final class NearMiss {

    private static final int MOST_EDITS = 2;

    private NearMiss() {}

    /**
     * The closest candidate within two edits (a swapped pair of letters counts as one), or one
     * that ends with {@code separator + typed}, as when a section was left out.
     */
    static Optional<String> suggest(String typed, Collection<String> candidates, char separator) {
        Optional<String> close = candidates.stream()
                .filter(c -> !c.equals(typed))
                .filter(c -> distance(typed, c) <= Math.min(MOST_EDITS, typed.length() / 3))
                .min(Comparator.comparingInt((String c) -> distance(typed, c)).thenComparing(c -> c));
        if (close.isPresent()) {
            return close;
        }
        return candidates.stream()
                .filter(c -> c.endsWith(separator + typed))
                .sorted()
                .findFirst();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
