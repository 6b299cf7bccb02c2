package io.chatpulse.metrics.drilldown;

import io.chatpulse.metrics.problem.InvalidParameterException;
import io.chatpulse.metrics.report.ReportQuery;

/** A report query narrowed to one figure with exclusive bounds {@code over < value < under}. */
public record DrilldownQuery(ReportQuery report, Figure figure, long over, long under) {

    public static DrilldownQuery parse(ReportQuery report, String figure, String over, String under) {
        long lower = bound("over", over, -1);
        long upper = bound("under", under, Long.MAX_VALUE);
        if (upper <= lower) {
            throw new InvalidParameterException("under", "must be greater than over");
        }
        return new DrilldownQuery(report, Figure.parse(figure), lower, upper);
    }

    private static long bound(String parameter, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long bound = Long.parseLong(value.strip());
            if (bound < 0) {
                throw new InvalidParameterException(parameter, "must not be negative");
            }
            return bound;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, "is not a whole number (milliseconds, or a rating for csat): '"
                    + value + "'");
        }
    }
}
