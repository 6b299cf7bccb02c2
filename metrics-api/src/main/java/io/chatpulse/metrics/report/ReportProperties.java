package io.chatpulse.metrics.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chatpulse.reports.*}: the longest period of one request, the most buckets one series may
 * have, the default service-level threshold T and the short-abandon cut-off (metrics.md), the
 * JDBC fetch size of streamed exports, and how many report views are read at the same time (over
 * all requests; each holds one pooled connection while it runs).
 */
@ConfigurationProperties("chatpulse.reports")
public record ReportProperties(Duration maxPeriod, Integer maxBuckets, Duration answerWithin,
                               Duration shortAbandon, Integer exportFetchSize, Integer parallelQueries) {

    public ReportProperties {
        maxPeriod = maxPeriod == null ? Duration.ofDays(400) : maxPeriod;
        maxBuckets = maxBuckets == null ? 10_000 : maxBuckets;
        answerWithin = answerWithin == null ? Duration.ofSeconds(30) : answerWithin;
        shortAbandon = shortAbandon == null ? Duration.ofSeconds(5) : shortAbandon;
        exportFetchSize = exportFetchSize == null ? 10_000 : exportFetchSize;
        parallelQueries = parallelQueries == null ? 4 : parallelQueries;
        if (parallelQueries < 1) {
            throw new IllegalArgumentException("chatpulse.reports.parallel-queries must be at least 1, not " + parallelQueries);
        }
    }
}
