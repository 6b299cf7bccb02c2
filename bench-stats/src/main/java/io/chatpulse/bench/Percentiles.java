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
        return sorted.get(index(sorted.size(), p));
    }

    /** As {@link #nearestRank(List, double)}, over an array: a benchmark of millions of values keeps them unboxed. */
    public static long nearestRank(long[] sorted, double p) {
        return sorted[index(sorted.length, p)];
    }

    private static int index(int size, double p) {
        if (size == 0) {
            throw new IllegalArgumentException("no values: no percentile");
        }
        int rank = (int) Math.ceil(p * size);
        return Math.max(0, Math.min(size - 1, rank - 1));
    }
}
