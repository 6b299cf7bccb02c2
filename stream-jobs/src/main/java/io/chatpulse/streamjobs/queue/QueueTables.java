package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import io.chatpulse.streamjobs.clickhouse.InsertRow;
import io.chatpulse.streamjobs.forecast.QueueForecast;
import java.util.List;

/** The live queue tables of clickhouse-schema V020, with the forecast columns of V047. */
public final class QueueTables {

    private static final List<String> COLUMNS = List.of("tenant_id", "queue_id", "as_of", "queue_length",
            "oldest_wait_ms", "oldest_queued_at", "agents_online", "agents_available", "agents_busy",
            "arrivals_per_hour", "handle_time_s", "handle_times", "patience_s", "slots", "forecast_model",
            "forecast_unbounded", "wait_probability", "forecast_asa_s", "forecast_service_level",
            "service_level_target", "service_level_time_s", "wait_over_threshold_probability", "agents_needed",
            "oldest_answer_expected_at");

    /** Latest per tenant and queue: ReplacingMergeTree(version), version = as_of. */
    public static final ClickHouseTable<QueueSnapshot> LIVE_STATE = new ClickHouseTable<>("queue_live_state",
            concat(COLUMNS, "version"), (insert, row) -> {
                bind(insert, row);
                insert.setLong(COLUMNS.size() + 1, row.asOf());
            });

    /** Every row, kept a day. */
    public static final ClickHouseTable<QueueSnapshot> LIVE_HISTORY =
            new ClickHouseTable<>("queue_live_history", COLUMNS, QueueTables::bind);

    private static void bind(InsertRow insert, QueueSnapshot row) {
        insert.setString(1, row.tenantId());
        insert.setString(2, row.queueId());
        insert.setLong(3, row.asOf());
        insert.setInt(4, row.queueLength());
        insert.setLong(5, row.oldestWaitMs());
        if (row.queueLength() == 0) {
            insert.setNull(6);
        } else {
            insert.setLong(6, row.oldestQueuedAt());
        }
        insert.setInt(7, row.agentsOnline());
        insert.setInt(8, row.agentsAvailable());
        insert.setInt(9, row.agentsBusy());
        bindForecast(insert, row.forecast());
    }

    /** Not a number (no patience estimated, an unbounded wait, nobody waiting) is NULL. */
    private static void bindForecast(InsertRow insert, QueueForecast f) {
        insert.setDouble(10, f.arrivalsPerHour());
        insert.setDouble(11, f.handleTimeS());
        insert.setInt(12, f.handleTimes());
        setPositive(insert, 13, f.patienceS());
        insert.setInt(14, f.slots());
        insert.setString(15, f.model());
        insert.setInt(16, f.unbounded() ? 1 : 0);
        insert.setDouble(17, f.waitProbability());
        if (Double.isFinite(f.averageSpeedOfAnswerS())) {
            insert.setDouble(18, f.averageSpeedOfAnswerS());
        } else {
            insert.setNull(18);
        }
        insert.setDouble(19, f.serviceLevel());
        insert.setDouble(20, f.serviceLevelTarget());
        insert.setDouble(21, f.serviceLevelTimeS());
        insert.setDouble(22, f.waitOverThresholdProbability());
        insert.setInt(23, f.agentsNeeded());
        if (f.oldestAnswerExpectedAt() > 0) {
            insert.setLong(24, f.oldestAnswerExpectedAt());
        } else {
            insert.setNull(24);
        }
    }

    private static void setPositive(InsertRow insert, int column, double value) {
        if (value > 0) {
            insert.setDouble(column, value);
        } else {
            insert.setNull(column);
        }
    }

    private static List<String> concat(List<String> columns, String more) {
        List<String> all = new java.util.ArrayList<>(columns);
        all.add(more);
        return all;
    }

    private QueueTables() {
    }
}
