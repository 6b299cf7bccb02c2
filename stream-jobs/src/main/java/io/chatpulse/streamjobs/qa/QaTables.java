package io.chatpulse.streamjobs.qa;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import java.util.List;

/** The QA tables of clickhouse-schema (V070) and how each row fills them; times as epoch ms. */
public final class QaTables {

    public static final ClickHouseTable<QaScore> QA_SCORES = new ClickHouseTable<>("qa_scores",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "ended_at", "ending", "score",
                    "passed_weight", "applicable_weight", "scorecard_version", "revision"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setLong(5, row.endedAt());
                insert.setString(6, row.ending());
                insert.setDouble(7, row.score());
                insert.setInt(8, row.passedWeight());
                insert.setInt(9, row.applicableWeight());
                insert.setInt(10, row.scorecardVersion());
                insert.setInt(11, row.revision());
            });

    public static final ClickHouseTable<QaCheckResult> QA_CHECKS = new ClickHouseTable<>("qa_checks",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "ended_at", "check_name", "outcome",
                    "weight", "event_id", "at", "scorecard_version", "revision"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setLong(5, row.endedAt());
                insert.setString(6, row.check());
                insert.setString(7, row.outcome());
                insert.setInt(8, row.weight());
                insert.setString(9, row.eventId());
                insert.setLong(10, row.at());
                insert.setInt(11, row.scorecardVersion());
                insert.setInt(12, row.revision());
            });

    private QaTables() {
    }
}
