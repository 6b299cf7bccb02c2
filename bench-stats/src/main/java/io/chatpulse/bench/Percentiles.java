package io.chatpulse.bench;

import java.util.List;

/**
 * The percentile arithmetic every benchmark reports with, exact over all the values it measured
 * (no histogram buckets): a p99 printed is a latency that was seen.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** Nearest rank over values sorted ascending: the smallest value with at least {@code p} of the values at or below it. */
    public static long nearestRank(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
