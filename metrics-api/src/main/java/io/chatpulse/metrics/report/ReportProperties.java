package io.chatpulse.metrics.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chatpulse.reports.*}: the longest period of one request, the most buckets one series may
 * have, the default service-level threshold T and the short-abandon cut-off (metrics.md), and the
 * JDBC fetch size of streamed exports.
 */
@ConfigurationProperties("chatpulse.reports")
public record ReportProperties(Duration maxPeriod, Integer maxBuckets, Duration answerWithin,
                               Duration shortAbandon, Integer exportFetchSize) {

    public ReportProperties {
        maxPeriod = maxPeriod == null ? Duration.ofDays(400) : maxPeriod;
        maxBuckets = maxBuckets == null ? 10_000 : maxBuckets;
        answerWithin = answerWithin == null ? Duration.ofSeconds(30) : answerWithin;
        shortAbandon = shortAbandon == null ? Duration.ofSeconds(5) : shortAbandon;
        exportFetchSize = exportFetchSize == null ? 10_000 : exportFetchSize;
    }
}
