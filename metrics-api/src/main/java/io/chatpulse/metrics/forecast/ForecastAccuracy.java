package io.chatpulse.metrics.forecast;

import java.util.List;

/**
 * The live forecast beside what happened, per queue and 15 minutes of [from, to), with the error
 * over those intervals (V048's views; decision 29). Seconds and shares as the views give them;
 * {@code null} where there is nothing to compare.
 */
public record ForecastAccuracy(String from, String to, int intervalMinutes, List<Queue> queues) {

    public record Queue(String queueId, Summary summary, List<Interval> intervals) {
    }

    /** Errors are forecast minus actual: an ASA bias above 0 is a forecast of longer waits than happened. */
    public record Summary(long intervals, long unboundedIntervals, Error averageSpeedOfAnswerSeconds,
                          Error serviceLevel) {
    }

    /** Over the intervals that have both figures. */
    public record Error(long intervals, Double meanAbsoluteError, Double bias) {
    }

    public record Interval(String start, long forecastMinutes, long unboundedMinutes, double serviceLevelTimeSeconds,
                           Figures forecast, Actual actual) {
    }

    public record Figures(Double averageSpeedOfAnswerSeconds, Double serviceLevel) {
    }

    public record Actual(long answered, long answeredWithin, long abandoned, Double averageSpeedOfAnswerSeconds,
                         Double serviceLevel) {
    }
}
