package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.e2e.cluster.SimulatorLoad.Acknowledged;
import io.chatpulse.e2e.fault.ConversationFigures;
import io.chatpulse.e2e.fault.TopicRecords;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The end check of a cluster fault test under simulator load, against three independent records:
 * what chat-core acknowledged (the simulator's --acknowledged file), what Kafka holds (every committed
 * record of the conversation topic) and what ClickHouse stores.
 * <ul>
 *   <li>nothing acknowledged lost: each acknowledged change of a conversation has its events in Kafka,
 *       found by the Idempotency-Key chat-core puts in each record's headers;</li>
 *   <li>nothing written twice: no event id is in Kafka twice;</li>
 *   <li>nothing counted twice or left out: the queue's per-conversation figures in ClickHouse (customer
 *       messages, queue waits, first responses) equal those the test computes from the events in
 *       Kafka with its own reading of metrics.md ({@link ConversationFigures#fromEvents}).</li>
 * </ul>
 */
final class AcknowledgedAgainstKafkaAndClickHouse {

    /** chat-core's IdempotentCall.KEY_HEADER: the Idempotency-Key of the call that wrote the record. */
    private static final String KEY_HEADER = "chatpulse.idempotency-key";

    private AcknowledgedAgainstKafkaAndClickHouse() {
    }

    /** Asserts all three; returns the figures, equal in Kafka and ClickHouse, for the test's report. */
    static ConversationFigures check(List<Acknowledged> acknowledged, String bootstrap, UnaryOperator<String> clickHouse,
                                     String tenantId, String queueId, Duration catchUp) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicRecords.readAll(bootstrap, Topics.CONVERSATION_EVENTS);
        Map<String, List<ConversationEvent>> byKey = new HashMap<>();
        List<ConversationEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ConversationEvent event = EventCodec.CONVERSATION.decode(record.value());
            if (event.getTenantId().equals(tenantId)) {
                events.add(event);
                Header key = record.headers().lastHeader(KEY_HEADER);
                if (key != null) {
                    byKey.computeIfAbsent(new String(key.value(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(event);
                }
            }
        }
        assertThat(twice(events)).as("event ids Kafka holds more than once").isEmpty();

        List<Acknowledged> changes = acknowledged.stream().filter(Acknowledged::ofConversation).toList();
        assertThat(changes).as("conversation changes chat-core acknowledged").isNotEmpty();
        assertThat(lost(changes, byKey)).as("acknowledged changes with no event in Kafka (lost)").isEmpty();
        assertThat(misplaced(changes, byKey)).as("acknowledged changes whose events name another conversation").isEmpty();

        Set<String> inQueue = events.stream().filter(e -> e.getPayload() instanceof ConversationOpened o
                        && o.getQueueId().equals(queueId)).map(ConversationEvent::getConversationId)
                .collect(Collectors.toSet());
        assertThat(inQueue).as("conversations opened in " + queueId)
                .containsAll(changes.stream().map(Acknowledged::subject).collect(Collectors.toSet()));
        ConversationFigures expected = ConversationFigures.fromEvents(
                events.stream().filter(e -> inQueue.contains(e.getConversationId())).toList());
        assertThat(expected.firstResponses()).as("conversations an agent answered").isNotEmpty();

        long started = System.nanoTime();
        ConversationFigures stored = Await.latest(catchUp,
                () -> ConversationFigures.fromClickHouse(clickHouse, tenantId, queueId), expected::equals);
        assertThat(stored).as("figures of %s in ClickHouse (FINAL) against those from Kafka", queueId).isEqualTo(expected);
        System.out.printf("%d calls acknowledged (%s); %d events of %d conversations in Kafka, none twice; "
                        + "ClickHouse equal after %.1f s: %d customer messages, %d queue waits, %d first responses%n",
                acknowledged.size(), kinds(acknowledged), events.size(), inQueue.size(), (System.nanoTime() - started) / 1e9,
                expected.totalMessagesIn(), expected.queueWaits().values().stream().mapToInt(List::size).sum(),
                expected.firstResponses().size());
        return expected;
    }

    /** Event ids that occur more than once. */
    static Set<String> twice(List<ConversationEvent> events) {
        return events.stream().collect(Collectors.groupingBy(ConversationEvent::getEventId, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Acknowledged changes none of whose events is in Kafka; {@code byKey}: events by the key in their headers. */
    static List<Acknowledged> lost(List<Acknowledged> changes, Map<String, List<ConversationEvent>> byKey) {
        return changes.stream().filter(a -> byKey.getOrDefault(a.idempotencyKey(), List.of()).isEmpty()).toList();
    }

    /** Acknowledged changes with an event of another conversation than the one the call named. */
    static List<Acknowledged> misplaced(List<Acknowledged> changes, Map<String, List<ConversationEvent>> byKey) {
        return changes.stream().filter(a -> byKey.getOrDefault(a.idempotencyKey(), List.of()).stream()
                .anyMatch(e -> !e.getConversationId().equals(a.subject()))).toList();
    }

    private static Map<String, Long> kinds(List<Acknowledged> acknowledged) {
        return acknowledged.stream().collect(Collectors.groupingBy(Acknowledged::kind, TreeMap::new, Collectors.counting()));
    }
}
