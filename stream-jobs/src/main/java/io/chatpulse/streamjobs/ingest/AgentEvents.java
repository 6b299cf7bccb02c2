package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.streamjobs.JobConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The agent events of {@link Topics#AGENT_EVENTS} with event time and watermarks; a record that
 * is not a readable {@link AgentEvent} goes to the dead-letter topic with the reason, as on the
 * conversation source.
 */
public final class AgentEvents {

    private AgentEvents() {
    }

    public static DataStream<AgentEvent> read(StreamExecutionEnvironment env, JobConfig config,
                                              WatermarkStrategy<IngestedRecord> watermarks, String uidPrefix) {
        KafkaSourceBuilder<IngestedRecord> builder = KafkaSource.<IngestedRecord>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(Topics.AGENT_EVENTS)
                .setGroupId(config.get(JobConfig.KAFKA_GROUP_ID))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new AgentRecordDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        SingleOutputStreamOperator<AgentEvent> events = env
                .fromSource(builder.build(), watermarks, "kafka: " + Topics.AGENT_EVENTS)
                .uid(uidPrefix + "agent-events-source")
                .process(SplitDeadLetters.agents(), TypeInformation.of(AgentEvent.class))
                .name("split unreadable agent records")
                .uid(uidPrefix + "split-agent-dead-letters");
        events.getSideOutput(SplitDeadLetters.DEAD_LETTERS)
                .sinkTo(ConversationEvents.deadLetterSink(config))
                .name("kafka: " + Topics.DEAD_LETTER + " (agent records)")
                .uid(uidPrefix + "agent-dead-letter-sink");
        return events;
    }
}
