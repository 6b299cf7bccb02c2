package io.chatpulse.metrics.topic;

import io.chatpulse.metrics.problem.InvalidParameterException;
import io.chatpulse.metrics.queue.SummaryPeriod;
import io.chatpulse.metrics.report.ReportProperties;
import io.chatpulse.metrics.report.ReportQuery;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The topic heat maps of a tenant (docs/kpi-topics.md), from the views of V060. */
@Service
public class TopicService {

    static final Duration CELL = Duration.ofMinutes(5);
    static final Duration LIVE = Duration.ofMinutes(60);

    private final TopicRepository repository;
    private final ReportProperties reports;
    private final Clock clock;

    @Autowired
    TopicService(TopicRepository repository, ReportProperties reports) {
        this(repository, reports, Clock.systemUTC());
    }

    TopicService(TopicRepository repository, ReportProperties reports, Clock clock) {
        this.repository = repository;
        this.reports = reports;
        this.clock = clock;
    }

    /** A validated period heat map request. */
    record Query(Tenant tenant, SummaryPeriod period, ZoneId zone, String queue) {
    }

    Query query(Tenant tenant, HeatMapParams params) {
        return new Query(tenant, SummaryPeriod.parse(params.from(), params.to(), reports.maxPeriod()),
                ReportQuery.zone(params.timezone()), queue(params.queueId()));
    }

    HeatMap heatMap(Query query) {
        return new HeatMap(Timestamps.iso(query.period().from()), Timestamps.iso(query.period().to()),
                query.zone().getId(), query.queue(), repository.heatMap(query.tenant().id(), query.period().from(),
                query.period().to(), query.zone(), query.queue()));
    }

    /** The last 60 minutes up to {@code at} (default now): the cell holding it and the eleven before. */
    LiveHeatMap live(Tenant tenant, String at, String queueId) {
        Instant end = at == null || at.isBlank() ? clock.instant() : instant(at);
        long cellMs = CELL.toMillis();
        Instant from = Instant.ofEpochMilli(Math.floorDiv(end.toEpochMilli(), cellMs) * cellMs).minus(LIVE).plus(CELL);
        String queue = queue(queueId);
        List<LiveHeatMap.Cell> cells = repository.liveCells(tenant.id(), from, end, queue).stream()
                .map(c -> new LiveHeatMap.Cell(Timestamps.iso(c.startMs()), c.topic(), c.messages(), c.conversations()))
                .toList();
        return new LiveHeatMap(Timestamps.iso(from), Timestamps.iso(end), queue, cells);
    }

    private static String queue(String queueId) {
        return queueId == null ? "" : queueId.strip();
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("at", "is not an ISO-8601 instant such as 2026-01-31T10:00:00Z: '" + value + "'");
        }
    }
}
