package io.chatpulse.metrics.report;

import io.chatpulse.metrics.queue.Distribution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the report views of R__views.sql (with the twins of FRT, reply and resolution time inside
 * business hours, for {@link Hours#BUSINESS}). The arithmetic is theirs alone: the summary, a time
 * series, the agent report and the exports are the same views with a different bucket, so they
 * cannot disagree with each other or with Grafana. Tenant, period, timezone and every filter are
 * bound parameters; nothing from a request is ever part of the SQL text.
 */
@Repository
public class ReportRepository implements DisposableBean {

    // One row per bucket (and agent), never per queue. A view without a queue (report_agent_time) or
    // without by_queue ignores what it does not use.
    private static final String ARGS = """
            (tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?), tz = ?, bucket = ?,
             by_agent = ?, by_queue = false, queue = ?, agent = ?, channel = ?,
             reason = ?""";

    private final JdbcClient jdbc;
    private final ExecutorService queries;

    public ReportRepository(JdbcClient jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.queries = Executors.newFixedThreadPool(properties.parallelQueries(), new ReportQueryThreads());
    }

    /** Daemon threads named for what they do, so a thread dump says which are the report's. */
    private static final class ReportQueryThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "report-query-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** The views, one per family of figures; the agent report needs only some of them. */
    enum Family {
        QUEUE_WAITS, FIRST_RESPONSES, REPLY_TIMES, RESOLUTION_TIMES, HANDLE_TIMES, ACTIVITY, CSAT, SURVEYS,
        /** Of the agent report: its two counts of ACTIVITY (report_agent_activity), and agent time (metrics.md: per agent). */
        AGENT_ACTIVITY, AGENT_TIME
    }

    /** What the summary and the series show. */
    static final Set<Family> KPIS = EnumSet.complementOf(EnumSet.of(Family.AGENT_ACTIVITY, Family.AGENT_TIME));

    /**
     * The families asked for, per bucket of {@code interval}, per agent when {@code byAgent}: one view
     * each, read at the same time (the engine runs a view's query on fewer cores than it has, and a
     * report waits for the slowest view, not for their sum).
     */
    KpiRows read(ReportQuery query, Interval interval, boolean byAgent, Set<Family> families) {
        if (families.contains(Family.ACTIVITY) && families.contains(Family.AGENT_ACTIVITY)) {
            throw new IllegalArgumentException("ACTIVITY and AGENT_ACTIVITY both fill the volume");
        }
        KpiRows rows = new KpiRows();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Family family : families) {
            reads.add(CompletableFuture.runAsync(() -> read(family, query, interval, byAgent, rows), queries));
        }
        awaitAll(reads);
        return rows;
    }

    private void read(Family family, ReportQuery query, Interval interval, boolean byAgent, KpiRows rows) {
        switch (family) {
            case QUEUE_WAITS -> readQueueWaits(query, interval, byAgent, rows);
            case FIRST_RESPONSES -> read(query.hours().view("report_first_responses"), ")", query, interval, byAgent,
                    distributionInto(rows.firstResponse));
            case REPLY_TIMES -> read(query.hours().view("report_reply_times"), ")", query, interval, byAgent,
                    distributionInto(rows.replyTime));
            case RESOLUTION_TIMES -> read(query.hours().view("report_resolution_times"), ")", query, interval,
                    byAgent, distributionInto(rows.resolutionTime));
            case HANDLE_TIMES -> read("report_handle_times", ")", query, interval, byAgent,
                    distributionInto(rows.handleTime));
            case ACTIVITY -> readActivity(query, interval, byAgent, rows);
            case AGENT_ACTIVITY -> read("report_agent_activity", ")", query, interval, byAgent, (key, rs) ->
                    rows.volume.put(key, Kpis.Volume.ofAgent(rs.getLong("handled"), rs.getLong("resolutions"))));
            case CSAT -> read("report_csat", ")", query, interval, byAgent, (key, rs) -> rows.csat.put(key,
                    new Kpis.Quality(rs.getLong("ratings"), rs.getLong("satisfied"), rs.getLong("negative"),
                            nullable(rs, "csat"), nullable(rs, "average_rating"), nullable(rs, "negative_rate"), 0,
                            null)));
            case SURVEYS -> readSurveys(query, interval, byAgent, rows);
            case AGENT_TIME -> readAgentTime(query, interval, byAgent, rows);
        }
    }

    /** Every read has ended; the first failure is thrown as it was (a DataAccessException stays one). */
    private static void awaitAll(List<CompletableFuture<Void>> reads) {
        try {
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        queries.shutdownNow();
    }

    private void readQueueWaits(ReportQuery query, Interval interval, boolean byAgent, KpiRows rows) {
        read("report_queue_waits", ", answer_within_ms = ?, short_abandon_ms = ?)", query, interval,
                byAgent,
                (key, rs) -> {
                    rows.queueWait.put(key, distribution(rs, "answered"));
                    rows.service.put(key, new Kpis.Service(rs.getLong("answered"), rs.getLong("answered_within"),
                            rs.getLong("abandoned"), rs.getLong("short_abandons"), nullable(rs, "service_level"),
                            nullable(rs, "abandonment_rate"), nullable(rs, "average_speed_of_answer_ms")));
                });
    }

    private void readActivity(ReportQuery query, Interval interval, boolean byAgent, KpiRows rows) {
        read("report_activity", ")", query, interval, byAgent, (key, rs) -> rows.volume.put(key, new Kpis.Volume(
                rs.getLong("opened"), rs.getLong("messages_in"), rs.getLong("messages_out_agent"),
                rs.getLong("messages_out_bot"), rs.getLong("handled"), rs.getLong("resolutions"),
                rs.getLong("reopens"), nullable(rs, "reopen_rate"))));
    }

    private void readSurveys(ReportQuery query, Interval interval, boolean byAgent, KpiRows rows) {
        read("report_survey_responses", ")", query, interval, byAgent, (key, rs) -> {
            rows.surveys.put(key, new long[] {rs.getLong("surveys_offered"), rs.getLong("ratings")});
            Double rate = nullable(rs, "response_rate");
            if (rate != null) {
                rows.surveyResponseRate.put(key, rate);
            }
        });
    }

    // The view has no queue or channel parameter: ClickHouse ignores the ones read() passes to every view.
    private void readAgentTime(ReportQuery query, Interval interval, boolean byAgent, KpiRows rows) {
        read("report_agent_time", ")", query, interval, byAgent, (key, rs) -> rows.agentTime.put(key,
                new AgentTime(rs.getLong("online_ms"), nullable(rs, "occupancy"), nullable(rs, "average_concurrency"))));
    }

    /** report_contact_reasons over the whole period with the query's filters but the contact reason. */
    List<ContactReasonReport.Reason> byContactReason(ReportQuery query) {
        return jdbc.sql("""
                        SELECT * FROM report_contact_reasons(tenant = ?, from = fromUnixTimestamp64Milli(?),
                            to = fromUnixTimestamp64Milli(?), queue = ?, agent = ?, channel = ?)
                        ORDER BY reason""")
                .param(query.tenant().id())
                .param(query.period().from().toEpochMilli())
                .param(query.period().to().toEpochMilli())
                .param(query.filters().queueId())
                .param(query.filters().agentId())
                .param(query.filters().channel())
                .query((rs, n) -> new ContactReasonReport.Reason(rs.getString("reason"),
                        distribution(rs, "frt_n", "frt_"), distribution(rs, "resolution_n", "resolution_"),
                        new AgentReport.Csat(rs.getLong("ratings"), nullable(rs, "csat"), nullable(rs, "average_rating"),
                                nullable(rs, "negative_rate"))))
                .list();
    }

    private interface RowReader {
        void read(KpiRows.Key key, ResultSet rs) throws SQLException;
    }

    private void read(String view, String extraArgs, ReportQuery query, Interval interval, boolean byAgent,
                      RowReader reader) {
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT * FROM " + view + ARGS + extraArgs)
                .param(query.tenant().id())
                .param(query.period().from().toEpochMilli())
                .param(query.period().to().toEpochMilli())
                .param(query.zone().getId())
                .param(interval.id())
                .param(byAgent ? 1 : 0)
                .param(query.filters().queueId())
                .param(query.filters().agentId())
                .param(query.filters().channel())
                .param(query.filters().contactReason());
        if (view.equals("report_queue_waits")) {
            statement = statement.param(query.answerWithin().toMillis()).param(query.shortAbandon().toMillis());
        }
        statement.query(rs -> {
            reader.read(new KpiRows.Key(rs.getLong("bucket_ms"), rs.getString("agent")), rs);
        });
    }

    private static RowReader distributionInto(Map<KpiRows.Key, Distribution> target) {
        return (key, rs) -> target.put(key, distribution(rs, "n"));
    }

    private static Distribution distribution(ResultSet rs, String countColumn) throws SQLException {
        return distribution(rs, countColumn, "");
    }

    /** {@code prefix}: of the quantile and mean columns, where a view has several distributions. */
    private static Distribution distribution(ResultSet rs, String countColumn, String prefix) throws SQLException {
        long count = rs.getLong(countColumn);
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(count, nullable(rs, prefix + "median_ms"), nullable(rs, prefix + "p90_ms"),
                nullable(rs, prefix + "p99_ms"), nullable(rs, prefix + "mean_ms"));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() || Double.isNaN(value) ? null : value;
    }
}
