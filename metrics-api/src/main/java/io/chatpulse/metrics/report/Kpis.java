package io.chatpulse.metrics.report;

import io.chatpulse.metrics.queue.Distribution;

/**
 * Every KPI of metrics.md that the stored data supports, for one bucket (or the whole period), as
 * the report views (R__views.sql) compute them. Rates are fractions 0..1 except csat (0..100);
 * a rate or quantile is null when there is nothing to compute it from.
 */
public record Kpis(Distribution queueWait, Service service, Distribution firstResponse, Distribution replyTime,
                   Distribution resolutionTime, Distribution handleTime, Volume volume, Quality quality) {

    public static final Kpis EMPTY = new Kpis(Distribution.EMPTY, Service.EMPTY, Distribution.EMPTY,
            Distribution.EMPTY, Distribution.EMPTY, Distribution.EMPTY, Volume.EMPTY, Quality.EMPTY);

    /** Service level = answeredWithin / (answered + abandoned); short abandons are left out of both rates. */
    public record Service(long answered, long answeredWithin, long abandoned, long shortAbandons, Double serviceLevel,
                          Double abandonmentRate, Double averageSpeedOfAnswerMs) {
        static final Service EMPTY = new Service(0, 0, 0, 0, null, null, null);
    }

    /** handled counts distinct conversations assigned within the bucket, so it is not additive across buckets. */
    public record Volume(long opened, long messagesIn, long messagesOutAgent, long messagesOutBot, long handled,
                         long resolutions, long reopens, Double reopenRate) {
        static final Volume EMPTY = new Volume(0, 0, 0, 0, 0, 0, 0, null);

        /** The agent report's two counts; it reads no other volume figure. */
        static Volume ofAgent(long handled, long resolutions) {
            return new Volume(0, 0, 0, 0, handled, resolutions, 0, null);
        }
    }

    public record Quality(long ratings, long satisfied, long negative, Double csat, Double averageRating,
                          Double negativeRate, long surveysOffered, Double surveyResponseRate) {
        static final Quality EMPTY = new Quality(0, 0, 0, null, null, null, 0, null);
    }
}
