package dev.upbeat.probe;

import java.util.List;

/** Nearest-rank percentiles of latencies: always a value that was measured, never an interpolation. */
final class Percentiles {
    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100) of {@code sorted}, ascending; null when empty. */
    static Long of(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
