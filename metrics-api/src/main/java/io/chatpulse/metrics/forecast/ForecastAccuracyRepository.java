package io.chatpulse.metrics.forecast;

import io.chatpulse.metrics.queue.SummaryPeriod;
import io.chatpulse.metrics.tenancy.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads V048's forecast_accuracy views; their arithmetic is the one Grafana's panel shows too. */
@Repository
class ForecastAccuracyRepository {

    private static final String PARAMETERS = "(tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?),"
            + " queue = ?, short_abandon_ms = ?)";

    private static final String INTERVALS = """
            SELECT queue_id, toUnixTimestamp(interval_start) * 1000 AS start_ms, forecast_minutes, unbounded_minutes,
                   service_level_time_s, forecast_asa_s, forecast_service_level, answered, answered_within, abandoned,
                   actual_asa_s, actual_service_level
            FROM forecast_accuracy""" + PARAMETERS + "\nORDER BY queue_id, start_ms";

    private static final String SUMMARY = """
            SELECT queue_id, intervals, unbounded_intervals, asa_intervals, asa_mae_s, asa_bias_s,
                   sl_intervals, sl_mae, sl_bias
            FROM forecast_accuracy_summary""" + PARAMETERS + "\nORDER BY queue_id";

    /** One interval of a queue as the view gives it. */
    record IntervalRow(String queueId, long startMs, ForecastAccuracy.Interval interval) {
    }

    record SummaryRow(String queueId, ForecastAccuracy.Summary summary) {
    }

    private final JdbcClient jdbc;

    ForecastAccuracyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IntervalRow> intervals(Tenant tenant, SummaryPeriod period, String queue, Duration shortAbandon) {
        return statement(INTERVALS, tenant, period, queue, shortAbandon).query((rs, n) -> new IntervalRow(
                rs.getString("queue_id"), rs.getLong("start_ms"), new ForecastAccuracy.Interval(null,
                rs.getLong("forecast_minutes"), rs.getLong("unbounded_minutes"), rs.getDouble("service_level_time_s"),
                new ForecastAccuracy.Figures(nullable(rs, "forecast_asa_s"), nullable(rs, "forecast_service_level")),
                new ForecastAccuracy.Actual(rs.getLong("answered"), rs.getLong("answered_within"), rs.getLong("abandoned"),
                        nullable(rs, "actual_asa_s"), nullable(rs, "actual_service_level"))))).list();
    }

    List<SummaryRow> summaries(Tenant tenant, SummaryPeriod period, String queue, Duration shortAbandon) {
        return statement(SUMMARY, tenant, period, queue, shortAbandon).query((rs, n) -> new SummaryRow(
                rs.getString("queue_id"), new ForecastAccuracy.Summary(rs.getLong("intervals"),
                rs.getLong("unbounded_intervals"),
                new ForecastAccuracy.Error(rs.getLong("asa_intervals"), nullable(rs, "asa_mae_s"), nullable(rs, "asa_bias_s")),
                new ForecastAccuracy.Error(rs.getLong("sl_intervals"), nullable(rs, "sl_mae"), nullable(rs, "sl_bias")))))
                .list();
    }

    private JdbcClient.StatementSpec statement(String sql, Tenant tenant, SummaryPeriod period, String queue,
                                               Duration shortAbandon) {
        return jdbc.sql(sql).param(tenant.id()).param(period.from().toEpochMilli()).param(period.to().toEpochMilli())
                .param(queue).param(shortAbandon.toMillis());
    }

    /** NULL, and the NaN of an average over no interval, are both "nothing to compare". */
    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() || Double.isNaN(value) ? null : value;
    }
}
