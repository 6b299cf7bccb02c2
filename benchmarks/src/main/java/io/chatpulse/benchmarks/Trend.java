package io.chatpulse.benchmarks;

import java.util.List;

/**
 * How one soak series moved: the means of its first and second halves, and the least-squares
 * slope over the second half only. Warm-up growth (JIT, heaps filling up to their -Xmx, caches)
 * belongs to the first half; what still rises in the second half is growth.
 */
record Trend(double firstHalfMean, double secondHalfMean, double slopePerHour, double slopeStandardError,
             int secondHalfSamples) {

    /** Fewer points leave no degree of freedom for the slope's standard error. */
    static final int MIN_SECOND_HALF_SAMPLES = 3;

    /** One measurement: hours since the start and the value; NaN values (not measured) are skipped. */
    record Point(double hours, double value) {
    }

    /** The halves split by sample order: the first half has the smaller half of the samples. */
    static Trend of(List<Point> series) {
        List<Point> measured = series.stream().filter(p -> !Double.isNaN(p.value())).toList();
        List<Point> first = measured.subList(0, measured.size() / 2);
        List<Point> second = measured.subList(measured.size() / 2, measured.size());
        double[] fit = leastSquares(second);
        return new Trend(mean(first), mean(second), fit[0], fit[1], second.size());
    }

    /**
     * Grows when the second-half slope exceeds the tolerance and also twice its standard error,
     * so that a noisy but flat series (lag moving in checkpoint steps) is not called growth.
     */
    boolean grows(double tolerancePerHour) {
        return slopePerHour > tolerancePerHour && slopePerHour > 2 * slopeStandardError;
    }

    boolean judgeable() {
        return secondHalfSamples >= MIN_SECOND_HALF_SAMPLES && !Double.isNaN(slopePerHour);
    }

    /** Slope and its standard error, NaN when there are too few points or no spread in time. */
    private static double[] leastSquares(List<Point> points) {
        int n = points.size();
        if (n < MIN_SECOND_HALF_SAMPLES) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double meanX = points.stream().mapToDouble(Point::hours).average().orElseThrow();
        double meanY = mean(points);
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            sxx += (p.hours() - meanX) * (p.hours() - meanX);
            sxy += (p.hours() - meanX) * (p.value() - meanY);
        }
        if (sxx == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = sxy / sxx;
        double residuals = 0;
        for (Point p : points) {
            double r = p.value() - (meanY + slope * (p.hours() - meanX));
            residuals += r * r;
        }
        return new double[] {slope, Math.sqrt(residuals / (n - 2) / sxx)};
    }

    private static double mean(List<Point> points) {
        return points.stream().mapToDouble(Point::value).average().orElse(Double.NaN);
    }
}
