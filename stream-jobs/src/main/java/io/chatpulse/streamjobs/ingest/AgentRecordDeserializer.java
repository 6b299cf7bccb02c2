package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.codec.EventCodec;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads agent events and never throws: a record that is not one (bad bytes, unknown schema, no
 * tenant or agent id) becomes a {@link DeadLetter} with the reason.
 */
public final class AgentRecordDeserializer implements KafkaRecordDeserializationSchema<IngestedRecord> {

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
        AgentEvent event;
        try {
            event = EventCodec.AGENT.decode(record.value());
        } catch (RuntimeException e) {
            return IngestedRecord.deadLetter(DeadLetter.of(record, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (event.getEventId().isBlank() || event.getTenantId().isBlank() || event.getAgentId().isBlank()) {
            return IngestedRecord.deadLetter(DeadLetter.of(record, "agent event without eventId, tenantId or agentId"));
        }
        return IngestedRecord.agent(event);
    }

    @Override
    public TypeInformation<IngestedRecord> getProducedType() {
        return TypeInformation.of(IngestedRecord.class);
    }
}
