package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.codec.EventCodec;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads conversation events and never throws: a record that is not one (bad bytes, unknown schema,
 * missing ids) becomes a {@link DeadLetter} with the reason, so one bad record cannot stop the job.
 */
public final class ConversationRecordDeserializer implements KafkaRecordDeserializationSchema<IngestedRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        TrustedEventClasses.install();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<IngestedRecord> out) {
        out.collect(read(record));
    }

    static IngestedRecord read(ConsumerRecord<byte[], byte[]> record) {
        ConversationEvent event;
        try {
            event = EventCodec.CONVERSATION.decode(record.value());
        } catch (RuntimeException e) {
            // UnreadableEventException says why; anything else is a codec bug met on bad bytes.
            return IngestedRecord.deadLetter(DeadLetter.of(record, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        String missing = missingField(event);
        if (missing != null) {
            return IngestedRecord.deadLetter(DeadLetter.of(record, "event without " + missing));
        }
        return IngestedRecord.event(event);
    }

    /** Ids every figure is keyed by; an event without them cannot be attributed. */
    private static String missingField(ConversationEvent event) {
        if (event.getEventId().isBlank()) {
            return "eventId";
        }
        if (event.getTenantId().isBlank()) {
            return "tenantId";
        }
        if (event.getConversationId().isBlank()) {
            return "conversationId";
        }
        return null;
    }

    @Override
    public TypeInformation<IngestedRecord> getProducedType() {
        return TypeInformation.of(IngestedRecord.class);
    }
}
