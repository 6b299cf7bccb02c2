package io.chatpulse.streamjobs.alert;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import java.util.List;

/** {@code alert_history} of clickhouse-schema V020. */
public final class AlertTables {

    public static final ClickHouseTable<AlertRecord> ALERT_HISTORY = new ClickHouseTable<>("alert_history",
            List.of("tenant_id", "rule", "scope", "state", "event_time", "started_at", "value", "threshold", "summary",
                    "dashboard_url", "replay", "event_id"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.rule());
                insert.setString(3, row.scope());
                insert.setString(4, row.state() == AlertChange.Kind.FIRING ? "firing" : "resolved");
                insert.setLong(5, row.eventTime());
                insert.setLong(6, row.startedAt());
                insert.setDouble(7, row.value());
                insert.setDouble(8, row.threshold());
                insert.setString(9, row.summary());
                insert.setString(10, row.dashboardUrl() == null ? "" : row.dashboardUrl());
                insert.setInt(11, row.replay() ? 1 : 0);
                insert.setString(12, row.eventId());
            });

    private AlertTables() {
    }
}
