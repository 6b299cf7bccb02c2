package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import io.chatpulse.streamjobs.clickhouse.InsertRow;
import java.util.List;

/** The live queue tables of clickhouse-schema V020. */
public final class QueueTables {

    private static final List<String> COLUMNS = List.of("tenant_id", "queue_id", "as_of", "queue_length",
            "oldest_wait_ms", "oldest_queued_at", "agents_online", "agents_available", "agents_busy");

    /** Latest per tenant and queue: ReplacingMergeTree(version), version = as_of. */
    public static final ClickHouseTable<QueueSnapshot> LIVE_STATE = new ClickHouseTable<>("queue_live_state",
            concat(COLUMNS, "version"), (insert, row) -> {
                bind(insert, row);
                insert.setLong(10, row.asOf());
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
    }

    private static List<String> concat(List<String> columns, String more) {
        List<String> all = new java.util.ArrayList<>(columns);
        all.add(more);
        return all;
    }

    private QueueTables() {
    }
}
