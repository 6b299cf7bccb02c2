package io.chatpulse.benchmarks;

import java.util.List;

/** Percentiles as the benchmarks here print them, over latencies sorted ascending. */
final class Percentiles {

    private Percentiles() {
    }

    /** Nearest rank: the smallest value with at least {@code level} of the values at or below it. */
    static long nearestRank(List<Long> sorted, double level) {
        int rank = (int) Math.ceil(level * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
