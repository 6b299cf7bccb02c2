package io.chatpulse.e2e;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the conversation events of given conversations back from Kafka, in topic order. */
final class ConversationEventsReader {

    private ConversationEventsReader() {
    }

    static Map<String, List<ConversationEvent>> read(String bootstrap, Set<String> conversationIds, int expectedEvents) {
        Map<String, List<ConversationEvent>> byConversation = new HashMap<>();
        int found = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(60);
            while (found < expectedEvents && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ConversationEvent event = EventCodec.CONVERSATION.decode(record.value());
                    if (conversationIds.contains(event.getConversationId())) {
                        byConversation.computeIfAbsent(event.getConversationId(), k -> new ArrayList<>()).add(event);
                        found++;
                    }
                }
            }
        }
        // Keyed by conversation, so each conversation's events are on one partition, in order.
        return byConversation;
    }
}
