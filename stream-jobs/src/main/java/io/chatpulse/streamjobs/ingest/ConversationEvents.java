package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.streamjobs.JobConfig;
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

/**
 * The conversation events of {@link Topics#CONVERSATION_EVENTS} with event time and watermarks;
 * records that cannot be read go to {@link Topics#DEAD_LETTER} and the stream goes on.
 */
public final class ConversationEvents {

    private ConversationEvents() {
    }

    public static DataStream<ConversationEvent> read(StreamExecutionEnvironment env, JobConfig config) {
        WatermarkStrategy<IngestedRecord> watermarks = WatermarkStrategy
                .<IngestedRecord>forBoundedOutOfOrderness(config.getDuration(JobConfig.WATERMARK_OUT_OF_ORDERNESS))
                .withTimestampAssigner((record, kafkaTime) -> record.eventTime())
                .withIdleness(config.getDuration(JobConfig.SOURCE_IDLENESS));
        return read(env, config, watermarks, "");
    }

    /**
     * The events with the given watermarks; {@code uidPrefix} keeps the operator ids of two jobs
     * apart when they share one environment.
     */
    public static DataStream<ConversationEvent> read(StreamExecutionEnvironment env, JobConfig config,
                                                     WatermarkStrategy<IngestedRecord> watermarks, String uidPrefix) {
        SingleOutputStreamOperator<ConversationEvent> events = env
                .fromSource(source(config), watermarks, "kafka: " + Topics.CONVERSATION_EVENTS)
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

    static KafkaSource<IngestedRecord> source(JobConfig config) {
        KafkaSourceBuilder<IngestedRecord> builder = KafkaSource.<IngestedRecord>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(Topics.CONVERSATION_EVENTS)
                .setGroupId(config.get(JobConfig.KAFKA_GROUP_ID))
                // Resume where the group left off; a new group starts from the beginning of history.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ConversationRecordDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    static KafkaSink<DeadLetter> deadLetterSink(JobConfig config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setRecordSerializer(new DeadLetterSerializer(Topics.DEAD_LETTER))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
