package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.JobConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent events of {@link Topics#AGENT_EVENTS} with event time and watermarks. A record that is
 * not a readable {@link AgentEvent} is logged and skipped (agent status is re-sent on every change,
 * so one lost record is corrected by the next; the conversation source keeps the dead-letter path).
 */
public final class AgentEvents {

    private AgentEvents() {
    }

    public static DataStream<AgentEvent> read(StreamExecutionEnvironment env, JobConfig config,
                                              WatermarkStrategy<AgentEvent> watermarks, String uidPrefix) {
        KafkaSourceBuilder<AgentEvent> builder = KafkaSource.<AgentEvent>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(Topics.AGENT_EVENTS)
                .setGroupId(config.get(JobConfig.KAFKA_GROUP_ID))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new AgentRecordDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return env.fromSource(builder.build(), watermarks, "kafka: " + Topics.AGENT_EVENTS)
                .uid(uidPrefix + "agent-events-source");
    }

    /** Never throws: an unreadable record is logged and skipped. */
    static final class AgentRecordDeserializer implements KafkaRecordDeserializationSchema<AgentEvent> {
        private static final long serialVersionUID = 1L;
        private static final Logger log = LoggerFactory.getLogger(AgentRecordDeserializer.class);

        @Override
        public void open(DeserializationSchema.InitializationContext context) {
            TrustedEventClasses.install();
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<AgentEvent> out) {
            try {
                AgentEvent event = EventCodec.AGENT.decode(record.value());
                if (event.getTenantId().isBlank() || event.getAgentId().isBlank()) {
                    log.warn("skipped agent event without tenant or agent id at {}-{}@{}",
                            record.topic(), record.partition(), record.offset());
                    return;
                }
                out.collect(event);
            } catch (RuntimeException e) {
                log.warn("skipped unreadable agent event at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }

        @Override
        public TypeInformation<AgentEvent> getProducedType() {
            return TypeInformation.of(AgentEvent.class);
        }
    }
}
