package io.chatpulse.e2e.fault;

import io.chatpulse.e2e.ReferenceKpis;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The per-conversation figures of one queue a fault test checks: customer messages, queue waits and
 * first response times (ms), each by conversation id. Built once from what ClickHouse stores and
 * once from the events Kafka holds, read with the test's own {@link ReferenceKpis}, so equal
 * records mean the job counted as an uninterrupted run would.
 */
public record ConversationFigures(Map<String, List<Long>> messagesIn, Map<String, List<Long>> queueWaits,
                                  Map<String, List<Long>> firstResponses) {

    static ConversationFigures fromClickHouse(Figures figures, String queueId) {
        return fromClickHouse(figures::query, "demo", queueId);
    }

    /**
     * The figures of the tenant's queue in ClickHouse, each event id once (FINAL); {@code clickHouse}
     * answers a query in TabSeparated.
     */
    public static ConversationFigures fromClickHouse(UnaryOperator<String> clickHouse, String tenantId, String queueId) {
        String where = " FINAL WHERE tenant_id = '" + tenantId + "' AND queue_id = '" + queueId + "'";
        return new ConversationFigures(
                perConversation(clickHouse, "SELECT conversation_id, count() FROM conversation_activity" + where
                        + " AND kind = 'customer_message' GROUP BY conversation_id"),
                perConversation(clickHouse, "SELECT conversation_id, wait_ms FROM queue_waits" + where
                        + " ORDER BY conversation_id, queued_at"),
                perConversation(clickHouse, "SELECT conversation_id, frt_ms FROM first_responses" + where
                        + " ORDER BY conversation_id, started_at"));
    }

    /** {@code events}: every event of the queue's conversations, in topic order. */
    public static ConversationFigures fromEvents(List<ConversationEvent> events) {
        Map<String, List<ConversationEvent>> byConversation = events.stream()
                .collect(Collectors.groupingBy(ConversationEvent::getConversationId, TreeMap::new, Collectors.toList()));
        Map<String, List<Long>> messagesIn = new TreeMap<>();
        Map<String, List<Long>> queueWaits = new TreeMap<>();
        Map<String, List<Long>> firstResponses = new TreeMap<>();
        byConversation.forEach((id, own) -> {
            long customerMessages = own.stream().filter(ConversationFigures::fromCustomer).count();
            if (customerMessages > 0) {
                messagesIn.put(id, List.of(customerMessages));
            }
            List<Long> waits = ReferenceKpis.queueWaits(own);
            if (!waits.isEmpty()) {
                queueWaits.put(id, waits);
            }
            ReferenceKpis.firstResponse(own).ifPresent(frt -> firstResponses.put(id, List.of(frt)));
        });
        return new ConversationFigures(messagesIn, queueWaits, firstResponses);
    }

    public long totalMessagesIn() {
        return messagesIn.values().stream().mapToLong(counts -> counts.get(0)).sum();
    }

    /** Rows of (conversation id, number), gathered by conversation in row order. */
    private static Map<String, List<Long>> perConversation(UnaryOperator<String> clickHouse, String sql) {
        Map<String, List<Long>> values = new TreeMap<>();
        for (String row : clickHouse.apply(sql + " FORMAT TabSeparated").split("\n")) {
            if (!row.isBlank()) {
                String[] columns = row.split("\t");
                values.computeIfAbsent(columns[0], c -> new ArrayList<>()).add(Long.parseLong(columns[1]));
            }
        }
        return values;
    }

    private static boolean fromCustomer(ConversationEvent e) {
        return e.getPayload() instanceof MessagePosted m && m.getSender() == SenderKind.CUSTOMER;
    }
}
