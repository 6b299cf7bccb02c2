package io.chatpulse.chatcore.support;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on the contract topics right now with a plain consumer: every record up to the
 * end offsets at the time of the call. Because chat-core answers only after Kafka acknowledged,
 * whatever a 2xx answer stands for must already be there, without waiting for it.
 */
public final class EventLog implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final KafkaConsumer<String, byte[]> consumer;

    public EventLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    public synchronized List<ConversationEvent> conversation(String conversationId) {
        return recordsUpToEnd(Topics.CONVERSATION_EVENTS).stream()
                .filter(r -> conversationId.equals(r.key()))
                .map(r -> EventCodec.CONVERSATION.decode(r.value()))
                .toList();
    }

    public synchronized List<AgentEvent> agent(String agentId) {
        return recordsUpToEnd(Topics.AGENT_EVENTS).stream()
                .filter(r -> agentId.equals(r.key()))
                .map(r -> EventCodec.AGENT.decode(r.value()))
                .toList();
    }

    /** The records of a conversation as they are on the topic, headers included. */
    public synchronized List<ConsumerRecord<String, byte[]>> conversationRecords(String conversationId) {
        return recordsUpToEnd(Topics.CONVERSATION_EVENTS).stream().filter(r -> conversationId.equals(r.key())).toList();
    }

    /** Sum of the end offsets of a topic: how many records it holds. */
    public synchronized long size(String topic) {
        return consumer.endOffsets(partitions(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    private List<ConsumerRecord<String, byte[]>> recordsUpToEnd(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " up to " + end + " within " + DEADLINE);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
