package io.chatpulse.metrics.report;

import io.chatpulse.metrics.qa.AgentQa;
import io.chatpulse.metrics.qa.QaRepository;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

@Service
public class ReportService {

    private static final DateTimeFormatter LOCAL_START = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    // What the agent report shows; queue waits, resolution times, surveys and message volume are not in it.
    private static final Set<ReportRepository.Family> AGENT_FIGURES = EnumSet.of(ReportRepository.Family.FIRST_RESPONSES,
            ReportRepository.Family.REPLY_TIMES, ReportRepository.Family.HANDLE_TIMES,
            ReportRepository.Family.AGENT_ACTIVITY, ReportRepository.Family.CSAT, ReportRepository.Family.AGENT_TIME);

    private final ReportRepository repository;
    private final QaRepository qa;
    private final ReportProperties properties;

    public ReportService(ReportRepository repository, QaRepository qa, ReportProperties properties) {
        this.repository = repository;
        this.qa = qa;
        this.properties = properties;
    }

    /** A query of the wall-time figures (the drill-down has no other). */
    public ReportQuery query(Tenant tenant, ReportParams params) {
        return query(tenant, params, null);
    }

    /** A query as the request's {@code hours} parameter (business, all or absent) says. */
    public ReportQuery query(Tenant tenant, ReportParams params, String hours) {
        return ReportQuery.parse(tenant, params, hours, properties);
    }

    public KpiSummary summary(ReportQuery query) {
        KpiRows rows = repository.read(query, Interval.PERIOD, false, ReportRepository.KPIS);
        KpiRows.Key key = new KpiRows.Key(query.period().from().toEpochMilli(), "");
        return new KpiSummary(from(query), to(query), query.zone().getId(), query.filters(), rows.kpis(key));
    }

    public KpiSeries series(ReportQuery query, Interval interval) {
        query.requireBucketsAtMost(interval, properties.maxBuckets());
        KpiRows rows = repository.read(query, interval, false, ReportRepository.KPIS);
        // Every bucket of the period, then any the engine returned that the JDK did not expect
        // (a tz database difference), so no figure is ever dropped.
        TreeMap<Long, KpiSeries.Bucket> buckets = new TreeMap<>();
        ZonedDateTime start = interval.start(query.period().from().atZone(query.zone()));
        while (start.toInstant().isBefore(query.period().to())) {
            buckets.put(start.toInstant().toEpochMilli(), bucket(start, rows, start.toInstant().toEpochMilli()));
            start = interval.next(start);
        }
        for (KpiRows.Key key : rows.keys()) {
            buckets.computeIfAbsent(key.bucketMs(),
                    ms -> bucket(Instant.ofEpochMilli(ms).atZone(query.zone()), rows, ms));
        }
        return new KpiSeries(from(query), to(query), query.zone().getId(), interval.id(), query.filters(),
                new ArrayList<>(buckets.values()));
    }

    /**
     * The report views' figures per agent, joined here with the QA views' (R__views.sql) by agent id: an agent
     * with QA scores only (a stretch credited to them ended in the period, nothing else) has a row too.
     */
    public AgentReport agents(ReportQuery query) {
        KpiRows rows = repository.read(query, Interval.PERIOD, true, AGENT_FIGURES);
        Map<String, AgentQa> scores = qa.agents(query);
        Set<KpiRows.Key> keys = agentKeys(query, rows);
        long bucket = query.period().from().toEpochMilli();
        scores.keySet().forEach(agent -> keys.add(new KpiRows.Key(bucket, agent)));
        TreeMap<String, AgentReport.Agent> agents = new TreeMap<>();
        for (KpiRows.Key key : keys) {
            // '' is "no agent" (a bot resolved it, an unassigned step): not a row of the agent report.
            if (!key.agentId().isEmpty()) {
                agents.put(key.agentId(), agent(key, rows.kpis(key), rows.agentTime.getOrDefault(key, AgentTime.NONE),
                        scores.getOrDefault(key.agentId(), AgentQa.NONE)));
            }
        }
        return new AgentReport(from(query), to(query), query.zone().getId(), query.filters(),
                List.copyOf(agents.values()));
    }

    /**
     * FRT, resolution time and CSAT per contact reason. The view groups by the reason, so a
     * contactReason filter keeps that reason's row alone.
     */
    public ContactReasonReport byContactReason(ReportQuery query) {
        String only = query.filters().contactReason();
        List<ContactReasonReport.Reason> reasons = repository.byContactReason(query).stream()
                .filter(r -> only.isEmpty() || r.contactReason().equals(only)).toList();
        return new ContactReasonReport(from(query), to(query), query.zone().getId(), query.filters(), reasons);
    }

    /** The agents with figures, and those with online time only unless a queue, channel or contact-reason filter applies. */
    private static Set<KpiRows.Key> agentKeys(ReportQuery query, KpiRows rows) {
        Set<KpiRows.Key> keys = rows.keys();
        if (!query.filters().byQueueOrChannel()) {
            keys.addAll(rows.agentTime.keySet());
        }
        return keys;
    }

    private static AgentReport.Agent agent(KpiRows.Key key, Kpis kpis, AgentTime time, AgentQa qa) {
        Kpis.Quality q = kpis.quality();
        return new AgentReport.Agent(key.agentId(), kpis.volume().handled(), kpis.volume().resolutions(),
                kpis.firstResponse(), kpis.replyTime(), kpis.handleTime(), time.onlineMs(), time.occupancy(),
                time.averageConcurrency(), new AgentReport.Csat(q.ratings(), q.csat(), q.averageRating(), q.negativeRate()),
                qa);
    }

    private static KpiSeries.Bucket bucket(ZonedDateTime start, KpiRows rows, long bucketMs) {
        return new KpiSeries.Bucket(LOCAL_START.format(start), rows.kpis(new KpiRows.Key(bucketMs, "")));
    }

    private static String from(ReportQuery query) {
        return Timestamps.iso(query.period().from());
    }

    private static String to(ReportQuery query) {
        return Timestamps.iso(query.period().to());
    }
}
