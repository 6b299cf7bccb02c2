package io.chatpulse.streamjobs.bench;

import java.util.List;

/** The percentile arithmetic every benchmark of this module reports with. */
final class Percentiles {

    private Percentiles() {
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static long nearestRank(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
