package io.chatpulse.streamjobs.ingest;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the events of one topic and never throws: a record that is not one (bad bytes, unknown
 * schema, missing ids) becomes a {@link DeadLetter} with the reason, so one bad record cannot stop
 * the job.
 */
abstract class EventRecordDeserializer<T> implements KafkaRecordDeserializationSchema<IngestedRecord> {

    private static final long serialVersionUID = 1L;

    /** @throws RuntimeException saying why the bytes are not an event */
    abstract T decode(byte[] value);

    /** The id field the event lacks, or null: an event without its ids cannot be attributed. */
    abstract String missingField(T event);

    abstract IngestedRecord wrap(T event);

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        TrustedEventClasses.install();
    }

    /** The records this source reads; the others it passes over without a word. */
    RecordOrigin origin() {
        return RecordOrigin.ANY;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<IngestedRecord> out) {
        if (origin().accepts(record)) {
            out.collect(read(record));
        }
    }

    IngestedRecord read(ConsumerRecord<byte[], byte[]> record) {
        T event;
        try {
            event = decode(record.value());
        } catch (RuntimeException e) {
            // UnreadableEventException says why; anything else is a codec bug met on bad bytes.
            return IngestedRecord.deadLetter(DeadLetter.of(record, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        String missing = missingField(event);
        if (missing != null) {
            return IngestedRecord.deadLetter(DeadLetter.of(record, "event without " + missing));
        }
        return wrap(event);
    }

    @Override
    public TypeInformation<IngestedRecord> getProducedType() {
        return TypeInformation.of(IngestedRecord.class);
    }
}
