package io.chatpulse.metrics.forecast;

import io.chatpulse.metrics.queue.SummaryPeriod;
import io.chatpulse.metrics.queue.SummaryProperties;
import io.chatpulse.metrics.report.ReportProperties;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
class ForecastAccuracyService {

    static final int INTERVAL_MINUTES = 15;

    private final ForecastAccuracyRepository repository;
    private final SummaryProperties summaries;
    private final ReportProperties reports;

    ForecastAccuracyService(ForecastAccuracyRepository repository, SummaryProperties summaries, ReportProperties reports) {
        this.repository = repository;
        this.summaries = summaries;
        this.reports = reports;
    }

    ForecastAccuracy accuracy(Tenant tenant, String from, String to, String queueId) {
        SummaryPeriod period = SummaryPeriod.parse(from, to, summaries.maxPeriod());
        String queue = queueId == null ? "" : queueId.strip();
        return combine(period, repository.summaries(tenant, period, queue, reports.shortAbandon()),
                repository.intervals(tenant, period, queue, reports.shortAbandon()));
    }

    /** Each queue's summary with its intervals, in the views' order (by queue, then by time). */
    static ForecastAccuracy combine(SummaryPeriod period, List<ForecastAccuracyRepository.SummaryRow> summaries,
                                    List<ForecastAccuracyRepository.IntervalRow> intervals) {
        Map<String, List<ForecastAccuracy.Interval>> byQueue = new LinkedHashMap<>();
        for (ForecastAccuracyRepository.IntervalRow row : intervals) {
            ForecastAccuracy.Interval i = row.interval();
            byQueue.computeIfAbsent(row.queueId(), q -> new ArrayList<>()).add(new ForecastAccuracy.Interval(
                    Timestamps.iso(row.startMs()), i.forecastMinutes(), i.unboundedMinutes(), i.serviceLevelTimeSeconds(),
                    i.forecast(), i.actual()));
        }
        List<ForecastAccuracy.Queue> queues = summaries.stream().map(s -> new ForecastAccuracy.Queue(s.queueId(),
                s.summary(), byQueue.getOrDefault(s.queueId(), List.of()))).toList();
        return new ForecastAccuracy(Timestamps.iso(period.from()), Timestamps.iso(period.to()), INTERVAL_MINUTES, queues);
    }
}
