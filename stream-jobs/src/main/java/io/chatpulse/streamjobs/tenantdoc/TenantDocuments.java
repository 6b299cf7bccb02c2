package io.chatpulse.streamjobs.tenantdoc;

import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import java.io.Serializable;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of a versioned tenant document (the topic catalogue, the QA scorecard) on its compacted
 * topic keyed by tenant, for a job to broadcast to every subtask. A fresh start reads the topic whole
 * from the earliest offset (each tenant's newest version, and maybe older ones compaction has not
 * removed yet); a restored job goes on from the offset of its checkpoint. Committed records only: the
 * admin API writes each version in a transaction that fails when another writer came between its read
 * and its write (decision 38), and such a version is never applied. Bounded with the job
 * ({@code SOURCE_BOUNDED}).
 */
public final class TenantDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDocuments.class);

    private TenantDocuments() {
    }

    /**
     * How a record's value becomes a version: a lambda naming its codec ({@code b -> EventCodec.X.decode(b)}),
     * so that only the lambda, not the codec, goes to the task managers.
     */
    public interface Decoder<T> extends Serializable {
        T decode(byte[] value);
    }

    /** The topic's versions, one reader; {@code uid} names the source in savepoints. */
    public static <T extends SpecificRecordBase> DataStream<T> read(StreamExecutionEnvironment env, JobConfig config,
                                                                    String topic, Decoder<T> codec, Class<T> type,
                                                                    String uid) {
        KafkaSourceBuilder<T> builder = KafkaSource.<T>builder()
                .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(topic)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new Deserializer<>(codec, type));
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return env.fromSource(builder.build(), WatermarkStrategy.forGenerator(c -> new NoEventTime<T>()),
                        "kafka: " + topic)
                .uid(uid)
                .setParallelism(1);
    }

    /**
     * Document changes carry no event time: their watermark is always the end of time, so the
     * operator that joins them with the events (the minimum of its inputs) follows the events alone.
     */
    private static final class NoEventTime<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long timestamp, WatermarkOutput output) {
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }

    /** A record that is not a version of the document is passed over with a warning: the job goes on with what it has. */
    private static final class Deserializer<T extends SpecificRecordBase> implements KafkaRecordDeserializationSchema<T> {

        private static final long serialVersionUID = 1L;

        private final Decoder<T> codec;
        private final Class<T> type;

        Deserializer(Decoder<T> codec, Class<T> type) {
            this.codec = codec;
            this.type = type;
        }

        @Override
        public void open(DeserializationSchema.InitializationContext context) {
            TrustedEventClasses.install();
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
            if (record.value() == null) {
                return;
            }
            try {
                out.collect(codec.decode(record.value()));
            } catch (RuntimeException e) {
                LOG.warn("{} offset {}: not a {}, passed over: {}", record.topic(), record.offset(), type.getSimpleName(),
                        e.getMessage());
            }
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return TypeInformation.of(type);
        }
    }
}
