package io.chatpulse.chatcore.events;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.avro.specific.SpecificRecord;

/** Wraps payloads into envelopes: an event id (fresh unless a call derives it), the tenant and the event time. */
public final class EventFactory {

    private EventFactory() {
    }

    /** Fresh ids, for events no retry can repeat. */
    public static final IntFunction<String> RANDOM_IDS = position -> UUID.randomUUID().toString();

    public static List<ConversationEvent> conversationEvents(String tenantId, String conversationId,
            Instant time, List<SpecificRecord> payloads) {
        return conversationEvents(tenantId, conversationId, time, payloads, RANDOM_IDS);
    }

    /** @param eventIds the id of the event at each position of {@code payloads} */
    public static List<ConversationEvent> conversationEvents(String tenantId, String conversationId,
            Instant time, List<SpecificRecord> payloads, IntFunction<String> eventIds) {
        List<ConversationEvent> events = new ArrayList<>(payloads.size());
        for (int position = 0; position < payloads.size(); position++) {
            events.add(ConversationEvent.newBuilder()
                    .setEventId(eventIds.apply(position))
                    .setTenantId(tenantId)
                    .setConversationId(conversationId)
                    .setEventTime(time.toEpochMilli())
                    .setPayload(payloads.get(position))
                    .build());
        }
        return events;
    }

    public static AgentEvent agentEvent(String tenantId, String agentId, Instant time, SpecificRecord payload,
            String eventId) {
        return AgentEvent.newBuilder()
                .setEventId(eventId)
                .setTenantId(tenantId)
                .setAgentId(agentId)
                .setEventTime(time.toEpochMilli())
                .setPayload(payload)
                .build();
    }
}
