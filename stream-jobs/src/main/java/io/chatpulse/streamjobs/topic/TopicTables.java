package io.chatpulse.streamjobs.topic;

import io.chatpulse.streamjobs.clickhouse.ClickHouseTable;
import java.util.List;

/** The topic tables of clickhouse-schema (V060) and how each tag fills a row; times as epoch ms. */
public final class TopicTables {

    public static final ClickHouseTable<MessageTopic> MESSAGE_TOPICS = new ClickHouseTable<>("message_topics",
            List.of("tenant_id", "queue_id", "conversation_id", "event_id", "at", "topic", "rank"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.eventId());
                insert.setLong(5, row.at());
                insert.setString(6, row.topic());
                insert.setInt(7, row.rank());
            });

    public static final ClickHouseTable<ConversationTopic> CONVERSATION_TOPICS = new ClickHouseTable<>(
            "conversation_topics",
            List.of("tenant_id", "queue_id", "conversation_id", "topic", "event_id", "at", "contact_reason"),
            (insert, row) -> {
                insert.setString(1, row.tenantId());
                insert.setString(2, row.queueId());
                insert.setString(3, row.conversationId());
                insert.setString(4, row.topic());
                insert.setString(5, row.eventId());
                insert.setLong(6, row.at());
                insert.setInt(7, row.contactReason() ? 1 : 0);
            });

    private TopicTables() {
    }
}
