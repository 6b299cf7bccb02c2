package io.chatpulse.metrics.report;

import io.chatpulse.metrics.problem.InvalidParameterException;
import io.chatpulse.metrics.queue.SummaryPeriod;
import io.chatpulse.metrics.tenancy.Tenant;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A validated report request: whose, which period [from, to), the timezone buckets and local
 * times are cut in, the filters, the service-level threshold and short-abandon cut-off, and whether
 * FRT, reply and resolution time count all the time or business hours only.
 */
public record ReportQuery(Tenant tenant, SummaryPeriod period, ZoneId zone, Filters filters,
                          Duration answerWithin, Duration shortAbandon, Hours hours) {

    /**
     * @param hours {@code business}, {@code all} or absent (all)
     */
    public static ReportQuery parse(Tenant tenant, ReportParams params, String hours, ReportProperties properties) {
        SummaryPeriod period = SummaryPeriod.parse(params.from(), params.to(), properties.maxPeriod());
        return new ReportQuery(tenant, period, zone(params.timezone()),
                Filters.parse(params.queueId(), params.agentId(), params.channel(), params.contactReason()),
                seconds("answerWithinSeconds", params.answerWithinSeconds(), properties.answerWithin()),
                seconds("shortAbandonSeconds", params.shortAbandonSeconds(), properties.shortAbandon()),
                Hours.parse(hours));
    }

    /** IANA names only (Europe/Berlin, UTC): ClickHouse cuts days with the same tz database. */
    public static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        String id = value.strip();
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidParameterException("timezone", "is not an IANA timezone such as Europe/Berlin or UTC: '" + value + "'");
        }
        return ZoneId.of(id);
    }

    private static Duration seconds(String parameter, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds < 0 || seconds > 86_400) {
                throw new InvalidParameterException(parameter, "must be between 0 and 86400 seconds");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, "is not a whole number of seconds: '" + value + "'");
        }
    }

    /** Checks that a series of this interval over the period stays within the bucket limit. */
    void requireBucketsAtMost(Interval interval, int maxBuckets) {
        long buckets = interval.bucketsIn(Duration.between(period.from(), period.to()));
        if (buckets > maxBuckets) {
            throw new InvalidParameterException("interval", "a " + interval.id() + " series of this period would have "
                    + buckets + " buckets, more than " + maxBuckets + ": choose a coarser interval or a shorter period");
        }
    }
}
