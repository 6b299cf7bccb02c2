package io.chatpulse.streamjobs.agent;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import java.util.List;

/**
 * The agent time table of clickhouse-schema V006. {@code minute} is a DateTime (seconds), not a
 * DateTime64: it stores a Unix timestamp in seconds, UTC.
 */
public final class AgentTables {

    public static final ClickHouseTable<AgentMinute> AGENT_TIME_MINUTES = new ClickHouseTable<>("agent_time_minutes",
            List.of("tenant_id", "agent_id", "minute", "online_ms", "occupied_ms", "conversation_ms"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.agentId());
                insert.setLong(3, Math.floorDiv(row.minute(), 1000L));
                insert.setLong(4, row.onlineMs());
                insert.setLong(5, row.occupiedMs());
                insert.setLong(6, row.conversationMs());
            });

    private AgentTables() {
    }
}
