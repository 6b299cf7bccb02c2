package io.chatpulse.metrics.report;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The bucket of a time series, cut in the caller's timezone as the views cut it (toStartOfMinute,
 * toStartOfHour, toStartOfDay, toMonday with the timezone). PERIOD is the whole period: the summary.
 */
public enum Interval {
    MINUTE(Duration.ofMinutes(1)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)),
    PERIOD(null);

    private final Duration nominal;

    Interval(Duration nominal) {
        this.nominal = nominal;
    }

    /** The name the views take as their {@code bucket} parameter. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Interval parseSeriesInterval(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("interval", "is required: minute, hour, day or week");
        }
        try {
            Interval interval = valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (interval != PERIOD) {
                return interval;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidParameterException("interval", "must be minute, hour, day or week: '" + value + "'");
    }

    /** Roughly how many buckets a period of this length has (DST days aside). */
    long bucketsIn(Duration period) {
        return (period.toMillis() + nominal.toMillis() - 1) / nominal.toMillis() + 1;
    }

    /** Start of the bucket holding {@code time}, in its zone. */
    ZonedDateTime start(ZonedDateTime time) {
        return switch (this) {
            case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.toLocalDate().atStartOfDay(time.getZone());
            case WEEK -> time.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(time.getZone());
            case PERIOD -> time;
        };
    }

    ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case MINUTE -> start.plusMinutes(1);
            case HOUR -> start.plusHours(1);
            case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
            case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
            case PERIOD -> throw new IllegalStateException("one bucket");
        };
    }
}
