package io.chatpulse.e2e.fault;

import io.chatpulse.e2e.ReferenceKpis;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The per-conversation figures of one queue a fault test checks: customer messages, queue waits and
 * first response times (ms), each by conversation id. Built once from what ClickHouse stores and
 * once from the events Kafka holds, read with the test's own {@link ReferenceKpis}, so equal
 * records mean the job counted as an uninterrupted run would.
 */
record ConversationFigures(Map<String, List<Long>> messagesIn, Map<String, List<Long>> queueWaits,
                           Map<String, List<Long>> firstResponses) {

    static ConversationFigures fromClickHouse(Figures figures, String queueId) {
        return new ConversationFigures(figures.messagesInByConversation(queueId), figures.queueWaits(queueId),
                figures.firstResponses(queueId));
    }

    /** {@code events}: every event of the queue's conversations, in topic order. */
    static ConversationFigures fromEvents(List<ConversationEvent> events) {
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

    long totalMessagesIn() {
        return messagesIn.values().stream().mapToLong(counts -> counts.get(0)).sum();
    }

    private static boolean fromCustomer(ConversationEvent e) {
        return e.getPayload() instanceof MessagePosted m && m.getSender() == SenderKind.CUSTOMER;
    }
}
