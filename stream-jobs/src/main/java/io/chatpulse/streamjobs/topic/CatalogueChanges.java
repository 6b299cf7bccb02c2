package io.chatpulse.streamjobs.topic;

import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.Topics;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants' catalogue versions of {@link Topics#TOPIC_CATALOGUE} (compacted, keyed by tenant), for
 * the KPI job to broadcast to every subtask. A fresh start reads it whole from the earliest offset (the
 * topic holds each tenant's newest version, and maybe older ones compaction has not removed yet); a
 * restored job goes on from the offset of its checkpoint. A version not newer than the one the job
 * holds is passed over ({@link #isNewer}). Bounded with the job ({@code SOURCE_BOUNDED}).
 */
public final class CatalogueChanges {

    /** Every subtask's copy: tenant to the newest version it has applied. */
    public static final MapStateDescriptor<String, TopicCatalogueVersion> STATE = new MapStateDescriptor<>(
            "topic-catalogue", Types.STRING, TypeInformation.of(TopicCatalogueVersion.class));

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueChanges.class);

    private CatalogueChanges() {
    }

    public static DataStream<TopicCatalogueVersion> read(StreamExecutionEnvironment env, JobConfig config) {
        KafkaSourceBuilder<TopicCatalogueVersion> builder = KafkaSource.<TopicCatalogueVersion>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(Topics.TOPIC_CATALOGUE)
                .setStartingOffsets(OffsetsInitializer.earliest())
                // The admin API writes each version in a transaction that fails when another writer
                // came between its read and its write (decision 38): such a version is never applied.
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new Deserializer());
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return env.fromSource(builder.build(), WatermarkStrategy.forGenerator(c -> new NoEventTime()),
                        "kafka: " + Topics.TOPIC_CATALOGUE)
                .uid("topic-catalogue-source")
                .setParallelism(1);
    }

    /** True when {@code next} is a later version than {@code held} (null: none held yet). */
    public static boolean isNewer(TopicCatalogueVersion next, TopicCatalogueVersion held) {
        return held == null || next.getVersion() > held.getVersion();
    }

    /** The version's topics, in its order. */
    public static List<Topic> topics(TopicCatalogueVersion version) {
        List<Topic> topics = new ArrayList<>(version.getTopics().size());
        for (CatalogueTopic topic : version.getTopics()) {
            topics.add(new Topic(topic.getName(), topic.getPhrases(), topic.getPatterns()));
        }
        return topics;
    }

    /**
     * Catalogue changes carry no event time: their watermark is always the end of time, so the
     * operator that joins them with the events (the minimum of its inputs) follows the events alone.
     */
    private static final class NoEventTime implements WatermarkGenerator<TopicCatalogueVersion> {
        @Override
        public void onEvent(TopicCatalogueVersion event, long timestamp, WatermarkOutput output) {
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }

    /** A record that is not a catalogue version is passed over with a warning: the job goes on with what it has. */
    private static final class Deserializer implements KafkaRecordDeserializationSchema<TopicCatalogueVersion> {

        private static final long serialVersionUID = 1L;

        @Override
        public void open(DeserializationSchema.InitializationContext context) {
            TrustedEventClasses.install();
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TopicCatalogueVersion> out) {
            if (record.value() == null) {
                return;
            }
            try {
                out.collect(EventCodec.TOPIC_CATALOGUE.decode(record.value()));
            } catch (RuntimeException e) {
                LOG.warn("{} offset {}: not a topic catalogue version, passed over: {}", record.topic(), record.offset(),
                        e.getMessage());
            }
        }

        @Override
        public TypeInformation<TopicCatalogueVersion> getProducedType() {
            return TypeInformation.of(TopicCatalogueVersion.class);
        }
    }
}
