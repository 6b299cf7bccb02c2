package io.chatpulse.streamjobs.reference;

import java.util.List;

/** Exact quantiles, linearly interpolated between closest ranks (Excel's PERCENTILE.INC), and the mean. */
final class Quantiles {

    private Quantiles() {
    }

    /** {@code sorted} ascending and not empty. */
    static double inclusive(List<Long> sorted, double level) {
        double rank = level * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        if (below + 1 >= sorted.size()) {
            return sorted.get(sorted.size() - 1);
        }
        double low = sorted.get(below);
        return low + (rank - below) * (sorted.get(below + 1) - low);
    }

    static double mean(List<Long> values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return (double) sum / values.size();
    }
}
