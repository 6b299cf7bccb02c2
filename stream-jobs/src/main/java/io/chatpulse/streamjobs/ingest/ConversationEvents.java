package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.streamjobs.JobConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * The conversation events of {@link Topics#CONVERSATION_EVENTS} with event time and watermarks;
 * records that cannot be read go to {@link Topics#DEAD_LETTER} and the stream goes on.
 */
public final class ConversationEvents {

    private static final Duration LIVE_IDLENESS = Duration.ofSeconds(1);
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(60);

    private ConversationEvents() {
    }

    /**
     * The events with watermarks {@code REORDER_WINDOW} behind the newest event time, which follow the
     * clock once a caught-up partition has been silent for a second (so that a held event is applied
     * without waiting for the next one); a partition reading history, or not read yet, only after
     * {@code SOURCE_IDLENESS}: a watermark moved to now in the middle of a replay would make the rest late.
     */
    public static DataStream<ConversationEvent> read(StreamExecutionEnvironment env, JobConfig config) {
        Duration idleness = config.getDuration(JobConfig.SOURCE_IDLENESS);
        LiveWatermarks watermarks = new LiveWatermarks(config.getDuration(JobConfig.REORDER_WINDOW), LIVE_IDLENESS,
                idleness, idleness, CATCH_UP_BOUND);
        return read(env, config, watermarks.strategy((record, kafkaTime) -> record.eventTime()), "", RecordOrigin.ANY);
    }

    /**
     * The events of the given origin with the given watermarks; {@code uidPrefix} keeps the operator
     * ids of two jobs apart when they share one environment.
     */
    public static DataStream<ConversationEvent> read(StreamExecutionEnvironment env, JobConfig config,
                                                     WatermarkStrategy<IngestedRecord> watermarks, String uidPrefix,
                                                     RecordOrigin origin) {
        return read(env, config, source(config, origin), watermarks, uidPrefix);
    }

    /** The events of {@code source}, unreadable records to the dead-letter topic. */
    public static DataStream<ConversationEvent> read(StreamExecutionEnvironment env, JobConfig config,
                                                     KafkaSource<IngestedRecord> source,
                                                     WatermarkStrategy<IngestedRecord> watermarks, String uidPrefix) {
        SingleOutputStreamOperator<ConversationEvent> events = env
                .fromSource(source, watermarks, "kafka: " + Topics.CONVERSATION_EVENTS)
                .uid(uidPrefix + "conversation-events-source")
                .process(SplitDeadLetters.conversations())
                .name("split unreadable records")
                .uid(uidPrefix + "split-dead-letters");

        events.getSideOutput(SplitDeadLetters.DEAD_LETTERS)
                .sinkTo(deadLetterSink(config))
                .name("kafka: " + Topics.DEAD_LETTER)
                .uid(uidPrefix + "dead-letter-sink");
        return events;
    }

    static KafkaSource<IngestedRecord> source(JobConfig config, RecordOrigin origin) {
        KafkaSourceBuilder<IngestedRecord> builder = KafkaSource.<IngestedRecord>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(Topics.CONVERSATION_EVENTS)
                .setGroupId(config.get(JobConfig.KAFKA_GROUP_ID))
                // Resume where the group left off; a new group starts from the beginning of history.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ConversationRecordDeserializer(origin))
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Exactly the records of one history import, bounded: each partition it wrote from its first
     * offset up to its last, the live records between them passed over.
     */
    public static KafkaSource<IngestedRecord> importSource(JobConfig config, String importId,
                                                           Map<TopicPartition, Long> firstOffsets,
                                                           Map<TopicPartition, Long> endOffsets) {
        return KafkaSource.<IngestedRecord>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setPartitions(new HashSet<>(firstOffsets.keySet()))
                .setStartingOffsets(OffsetsInitializer.offsets(firstOffsets))
                .setBounded(OffsetsInitializer.offsets(endOffsets))
                .setDeserializer(new ConversationRecordDeserializer(RecordOrigin.ofImport(importId)))
                .build();
    }

    /** At least once: a dead letter written twice says the same thing twice, and loses nothing. */
    public static KafkaSink<DeadLetter> deadLetterSink(JobConfig config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setRecordSerializer(new DeadLetterSerializer(Topics.DEAD_LETTER))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
