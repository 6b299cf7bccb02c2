package io.chatpulse.metrics.live;

import io.chatpulse.metrics.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what stream-jobs' QueueMonitorJob writes (V020, its forecast V047) and today's service level from the report
 * view. The tenant and every value are bound parameters, never part of the SQL text.
 */
@Repository
class LiveRepository {

    /** One monitor row per queue, as written; times in epoch ms; no forecast in a row written before V047. */
    record QueueRow(String queueId, long asOfMs, long queueLength, long oldestWaitMs, Long oldestQueuedAtMs,
                    long agentsOnline, long agentsAvailable, long agentsBusy, ForecastRow forecast) {
    }

    /** The forecast columns of a monitor row (V047). */
    record ForecastRow(String model, boolean unbounded, double arrivalsPerHour, double handleTimeS, Double patienceS,
                       long slots, double waitProbability, Double averageSpeedOfAnswerS, double serviceLevel,
                       double serviceLevelTarget, double serviceLevelTimeS, double waitOverThresholdProbability,
                       long agentsNeeded, Long oldestAnswerExpectedAtMs) {
    }

    record ServiceRow(long answered, long answeredWithin, long abandoned, Double serviceLevel) {
        static final ServiceRow NONE = new ServiceRow(0, 0, 0, null);
    }

    private static final String QUEUES = """
            SELECT queue_id, toUnixTimestamp64Milli(as_of) AS as_of_ms, queue_length, oldest_wait_ms,
                   if(oldest_queued_at IS NULL, NULL, toUnixTimestamp64Milli(assumeNotNull(oldest_queued_at))) AS queued_ms,
                   agents_online, agents_available, agents_busy,
                   forecast_model, forecast_unbounded, arrivals_per_hour, handle_time_s, patience_s, slots,
                   wait_probability, forecast_asa_s, forecast_service_level, service_level_target, service_level_time_s,
                   wait_over_threshold_probability, agents_needed,
                   if(oldest_answer_expected_at IS NULL, NULL,
                      toUnixTimestamp64Milli(assumeNotNull(oldest_answer_expected_at))) AS answer_expected_ms
            FROM queue_live_now(tenant = ?)
            ORDER BY queue_id""";

    // The latest change per incident (rule, scope) over every row: a resolution computed in a
    // replay still closes a live firing. Ties at one instant go to 'resolved' (2 > 1). Open means
    // the latest change is FIRING and live: a replay's firing is history, never shown (nor paged).
    private static final String OPEN_ALERTS = """
            SELECT rule, scope, started_ms, firing_ms, value, threshold, summary, dashboard_url
            FROM (
                SELECT rule, scope,
                       argMax(state, (event_time, state))                             AS latest_state,
                       argMax(replay, (event_time, state))                            AS latest_replay,
                       toUnixTimestamp64Milli(argMax(started_at, (event_time, state))) AS started_ms,
                       toUnixTimestamp64Milli(max(event_time))                         AS firing_ms,
                       argMax(value, (event_time, state))                             AS value,
                       argMax(threshold, (event_time, state))                         AS threshold,
                       argMax(summary, (event_time, state))                           AS summary,
                       argMax(dashboard_url, (event_time, state))                     AS dashboard_url
                FROM alert_history FINAL
                WHERE tenant_id = ?
                GROUP BY rule, scope)
            WHERE latest_state = 'firing' AND NOT latest_replay
            ORDER BY started_ms, rule, scope""";

    // Every queue of the tenant in one query (by_queue): one a queue made a wallboard of 50 queues
    // 50 round trips a refresh.
    private static final String SERVICE = """
            SELECT queue, answered, answered_within, abandoned, service_level
            FROM report_queue_waits(tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?),
                 tz = ?, bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '', channel = '', reason = '',
                 answer_within_ms = ?, short_abandon_ms = ?)""";

    private final JdbcClient jdbc;

    LiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QueueRow> queues(String tenant) {
        return jdbc.sql(QUEUES).param(tenant).query((rs, n) -> new QueueRow(rs.getString("queue_id"),
                rs.getLong("as_of_ms"), rs.getLong("queue_length"), rs.getLong("oldest_wait_ms"),
                nullableLong(rs, "queued_ms"), rs.getLong("agents_online"), rs.getLong("agents_available"),
                rs.getLong("agents_busy"), forecast(rs))).list();
    }

    private static ForecastRow forecast(ResultSet rs) throws SQLException {
        String model = rs.getString("forecast_model");
        if (model == null || model.isEmpty()) {
            return null;
        }
        return new ForecastRow(model, rs.getBoolean("forecast_unbounded"), rs.getDouble("arrivals_per_hour"),
                rs.getDouble("handle_time_s"), nullableDouble(rs, "patience_s"), rs.getLong("slots"),
                rs.getDouble("wait_probability"), nullableDouble(rs, "forecast_asa_s"),
                rs.getDouble("forecast_service_level"), rs.getDouble("service_level_target"),
                rs.getDouble("service_level_time_s"), rs.getDouble("wait_over_threshold_probability"),
                rs.getLong("agents_needed"), nullableLong(rs, "answer_expected_ms"));
    }

    List<OpenAlert> openAlerts(String tenant) {
        return jdbc.sql(OPEN_ALERTS).param(tenant).query((rs, n) -> {
            String scope = rs.getString("scope");
            return new OpenAlert(rs.getString("rule"), scope,
                    scope.startsWith("queue:") ? scope.substring("queue:".length()) : null,
                    Timestamps.iso(rs.getLong("started_ms")), Timestamps.iso(rs.getLong("firing_ms")),
                    rs.getDouble("value"), rs.getDouble("threshold"), rs.getString("summary"),
                    rs.getString("dashboard_url"));
        }).list();
    }

    /** The service level of each queue with waits in [from, to); a queue without any has no entry. */
    Map<String, ServiceRow> services(String tenant, Instant from, Instant to, String timezone, Duration answerWithin,
                                     Duration shortAbandon) {
        Map<String, ServiceRow> services = new HashMap<>();
        jdbc.sql(SERVICE).param(tenant).param(from.toEpochMilli()).param(to.toEpochMilli()).param(timezone)
                .param(answerWithin.toMillis()).param(shortAbandon.toMillis())
                .query(rs -> {
                    services.put(rs.getString("queue"), new ServiceRow(rs.getLong("answered"),
                            rs.getLong("answered_within"), rs.getLong("abandoned"), nullableDouble(rs, "service_level")));
                });
        return services;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() || Double.isNaN(value) ? null : value;
    }
}
