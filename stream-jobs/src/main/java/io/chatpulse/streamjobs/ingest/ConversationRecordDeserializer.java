package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.codec.EventCodec;

/** Conversation events, or dead letters with the reason. */
public final class ConversationRecordDeserializer extends EventRecordDeserializer<ConversationEvent> {

    private static final long serialVersionUID = 1L;

    private final RecordOrigin origin;

    /** Every record of the topic. */
    public ConversationRecordDeserializer() {
        this(RecordOrigin.ANY);
    }

    public ConversationRecordDeserializer(RecordOrigin origin) {
        this.origin = origin;
    }

    @Override
    RecordOrigin origin() {
        return origin;
    }

    @Override
    ConversationEvent decode(byte[] value) {
        return EventCodec.CONVERSATION.decode(value);
    }

    @Override
    String missingField(ConversationEvent event) {
        if (event.getEventId().isBlank()) {
            return "eventId";
        }
        if (event.getTenantId().isBlank()) {
            return "tenantId";
        }
        return event.getConversationId().isBlank() ? "conversationId" : null;
    }

    @Override
    IngestedRecord wrap(ConversationEvent event) {
        return IngestedRecord.event(event);
    }
}
