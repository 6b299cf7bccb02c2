package io.chatpulse.chatcore.events;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Wraps payloads into envelopes: a fresh event id, the tenant and the event time. */
public final class EventFactory {

    private EventFactory() {
    }

    public static List<ConversationEvent> conversationEvents(String tenantId, String conversationId,
            Instant time, List<SpecificRecord> payloads) {
        return payloads.stream()
                .map(payload -> ConversationEvent.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setTenantId(tenantId)
                        .setConversationId(conversationId)
                        .setEventTime(time.toEpochMilli())
                        .setPayload(payload)
                        .build())
                .toList();
    }

    public static AgentEvent agentEvent(String tenantId, String agentId, Instant time, SpecificRecord payload) {
        return AgentEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(tenantId)
                .setAgentId(agentId)
                .setEventTime(time.toEpochMilli())
                .setPayload(payload)
                .build();
    }
}
