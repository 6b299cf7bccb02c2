package io.chatpulse.metrics.conversation;

import io.chatpulse.metrics.conversation.ConversationKpis.FirstResponse;
import io.chatpulse.metrics.conversation.ConversationKpis.QueueWait;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads one conversation's rows; the tenant is always a bound parameter of the WHERE clause. */
@Repository
public class ConversationKpiRepository {

    // FINAL: the tables are ReplacingMergeTree, so a replayed figure must count once.
    private static final String QUEUE_WAITS = """
            SELECT queue_id, toUnixTimestamp64Milli(queued_at) AS queued_ms,
                   toUnixTimestamp64Milli(ended_at) AS ended_ms, toString(outcome) AS outcome, agent_id, wait_ms
            FROM queue_waits FINAL
            WHERE tenant_id = ? AND conversation_id = ?
            ORDER BY queued_at, ended_at""";

    private static final String FIRST_RESPONSES = """
            SELECT queue_id, toUnixTimestamp64Milli(started_at) AS started_ms,
                   toUnixTimestamp64Milli(responded_at) AS responded_ms, agent_id, frt_ms
            FROM first_responses FINAL
            WHERE tenant_id = ? AND conversation_id = ?
            ORDER BY started_at, responded_at""";

    private final JdbcClient jdbc;

    public ConversationKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<QueueWait> queueWaits(Tenant tenant, String conversationId) {
        return jdbc.sql(QUEUE_WAITS).param(tenant.id()).param(conversationId)
                .query((rs, row) -> new QueueWait(rs.getString("queue_id"),
                        Timestamps.iso(rs.getLong("queued_ms")), Timestamps.iso(rs.getLong("ended_ms")),
                        rs.getString("outcome"), rs.getString("agent_id"), rs.getLong("wait_ms")))
                .list();
    }

    public List<FirstResponse> firstResponses(Tenant tenant, String conversationId) {
        return jdbc.sql(FIRST_RESPONSES).param(tenant.id()).param(conversationId)
                .query((rs, row) -> new FirstResponse(rs.getString("queue_id"),
                        Timestamps.iso(rs.getLong("started_ms")), Timestamps.iso(rs.getLong("responded_ms")),
                        rs.getString("agent_id"), rs.getLong("frt_ms")))
                .list();
    }
}
