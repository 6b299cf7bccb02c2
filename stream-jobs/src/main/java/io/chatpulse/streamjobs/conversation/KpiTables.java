package io.chatpulse.streamjobs.conversation;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import io.chatpulse.streamjobs.clickhouse.TableRoute;
import io.chatpulse.streamjobs.qa.QaTables;
import io.chatpulse.streamjobs.topic.TopicTables;
import java.util.List;

/**
 * The per-conversation tables of clickhouse-schema (V001, V003, V005, V007, V040; the topics' of V060 in
 * {@link TopicTables}, the QA ones of V070 in {@link QaTables}) and how each figure fills a row.
 * DateTime64 columns are bound as epoch milliseconds, what ClickHouse stores for a DateTime64(3),
 * UTC whatever the session time zone.
 */
public final class KpiTables {

    public static final ClickHouseTable<QueueWait> QUEUE_WAITS = new ClickHouseTable<>("queue_waits",
            List.of("tenant_id", "queue_id", "conversation_id", "queued_at", "ended_at", "outcome", "agent_id", "wait_ms"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setLong(4, row.queuedAt());
                insert.setLong(5, row.endedAt());
                insert.setString(6, row.outcome().column());
                insert.setString(7, row.agentId());
                insert.setLong(8, row.waitMs());
            });

    public static final ClickHouseTable<FirstResponse> FIRST_RESPONSES = new ClickHouseTable<>("first_responses",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "started_at", "responded_at", "frt_ms",
                    "frt_business_ms"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setLong(5, row.startedAt());
                insert.setLong(6, row.respondedAt());
                insert.setLong(7, row.frtMs());
                insert.setLong(8, row.frtBusinessMs());
            });

    public static final ClickHouseTable<ReplyTime> REPLY_TIMES = new ClickHouseTable<>("reply_times",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "customer_at", "replied_at", "reply_ms",
                    "reply_business_ms"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setLong(5, row.customerAt());
                insert.setLong(6, row.repliedAt());
                insert.setLong(7, row.replyMs());
                insert.setLong(8, row.replyBusinessMs());
            });

    public static final ClickHouseTable<Resolution> RESOLUTIONS = new ClickHouseTable<>("resolutions",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "resolved_by", "started_at", "resolved_at",
                    "resolution_ms", "after_reopen", "resolution_business_ms"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setString(5, row.resolvedBy());
                insert.setLong(6, row.startedAt());
                insert.setLong(7, row.resolvedAt());
                insert.setLong(8, row.resolutionMs());
                insert.setInt(9, row.afterReopen() ? 1 : 0);
                insert.setLong(10, row.resolutionBusinessMs());
            });

    public static final ClickHouseTable<HandleTime> HANDLE_TIMES = new ClickHouseTable<>("handle_times",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "assigned_at", "ended_at", "ending",
                    "handle_ms"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setLong(5, row.assignedAt());
                insert.setLong(6, row.endedAt());
                insert.setString(7, row.ending().column());
                insert.setLong(8, row.handleMs());
            });

    public static final ClickHouseTable<CsatRating> CSAT_RATINGS = new ClickHouseTable<>("csat_ratings",
            List.of("tenant_id", "queue_id", "conversation_id", "agent_id", "submitted_at", "rating", "comment"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.agentId());
                insert.setLong(5, row.submittedAt());
                insert.setInt(6, row.rating());
                insert.setString(7, row.comment());
            });

    public static final ClickHouseTable<Activity> ACTIVITY = new ClickHouseTable<>("conversation_activity",
            List.of("tenant_id", "queue_id", "conversation_id", "event_id", "kind", "agent_id", "at"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.eventId());
                insert.setString(5, row.kind().column());
                insert.setString(6, row.agentId());
                insert.setLong(7, row.at());
            });

    /** V040's table, the key of the reports' channel filter. */
    public static final ClickHouseTable<ConversationChannel> CONVERSATION_CHANNELS = new ClickHouseTable<>(
            "conversation_channels", List.of("tenant_id", "conversation_id", "channel", "opened_at"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.conversationId());
                insert.setString(3, row.channel());
                insert.setLong(4, row.openedAt());
            });

    /** Each table with the figure of a {@link KpiRow} it takes: the KPI job's one sink. */
    public static final List<TableRoute<KpiRow, ?>> ROUTES = List.of(
            new TableRoute<>(QUEUE_WAITS, row -> row.queueWait),
            new TableRoute<>(FIRST_RESPONSES, row -> row.firstResponse),
            new TableRoute<>(REPLY_TIMES, row -> row.replyTime),
            new TableRoute<>(RESOLUTIONS, row -> row.resolution),
            new TableRoute<>(HANDLE_TIMES, row -> row.handleTime),
            new TableRoute<>(CSAT_RATINGS, row -> row.csat),
            new TableRoute<>(ACTIVITY, row -> row.activity),
            new TableRoute<>(CONVERSATION_CHANNELS, row -> row.channel),
            new TableRoute<>(TopicTables.MESSAGE_TOPICS, row -> row.messageTopic),
            new TableRoute<>(TopicTables.CONVERSATION_TOPICS, row -> row.conversationTopic),
            new TableRoute<>(QaTables.QA_SCORES, row -> row.qaScore),
            new TableRoute<>(QaTables.QA_CHECKS, row -> row.qaCheck));

    private KpiTables() {
    }
}
