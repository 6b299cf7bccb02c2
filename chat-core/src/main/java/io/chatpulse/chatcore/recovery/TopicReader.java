package io.chatpulse.chatcore.recovery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning up to its end as it was when reading started, committed
 * records only. The end is taken read_uncommitted (the high watermark), not the last stable
 * offset: a transaction a crashed instance left open must be resolved (aborted by its timeout
 * or by fencing) before reading stops, or records written after it would be missed.
 */
final class TopicReader {

    private final Map<String, Object> config;
    private final Duration timeout;

    TopicReader(Map<String, Object> consumerConfig, Duration timeout) {
        this.config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group, no committed offsets
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.timeout = timeout;
    }

    void readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> apply) {
        Map<TopicPartition, Long> end = highWatermarks(topic);
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = List.copyOf(end.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply.accept(record);
                }
            }
        }
    }

    private Map<TopicPartition, Long> highWatermarks(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_uncommitted")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, timeout);
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String isolation) {
        Map<String, Object> c = new HashMap<>(config);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
