package io.chatpulse.metrics.report;

import java.util.List;

/**
 * GET /api/v1/kpis/series: every KPI per bucket. Buckets are cut in {@code timezone} and clipped
 * to [from, to): the first and last may cover less than a whole interval. Every bucket of the
 * period is listed, empty ones too.
 */
public record KpiSeries(String from, String to, String timezone, String interval, Filters filters,
                        List<Bucket> buckets) {

    /** {@code start}: the bucket's local start with its UTC offset, e.g. 2026-03-01T00:00:00+01:00. */
    public record Bucket(String start, Kpis kpis) {
    }
}
