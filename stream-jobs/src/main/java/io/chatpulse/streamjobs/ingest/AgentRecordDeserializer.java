package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.codec.EventCodec;

/** Agent events, or dead letters with the reason. */
public final class AgentRecordDeserializer extends EventRecordDeserializer<AgentEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    AgentEvent decode(byte[] value) {
        return EventCodec.AGENT.decode(value);
    }

    @Override
    String missingField(AgentEvent event) {
        if (event.getEventId().isBlank()) {
            return "eventId";
        }
        if (event.getTenantId().isBlank()) {
            return "tenantId";
        }
        return event.getAgentId().isBlank() ? "agentId" : null;
    }

    @Override
    IngestedRecord wrap(AgentEvent event) {
        return IngestedRecord.agent(event);
    }
}
