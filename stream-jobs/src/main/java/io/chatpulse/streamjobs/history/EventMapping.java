package io.chatpulse.streamjobs.history;

import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fields of one import line to the {@link ConversationEvent} chat-core would have written for
 * it. Fields that do not apply to the line's type are ignored (a CSV row carries every column).
 */
final class EventMapping {

    static final List<String> ALWAYS_REQUIRED = List.of("tenant", "conversation", "type", "at");
    static final List<String> FIELDS = List.of("tenant", "conversation", "type", "at", "channel", "customer", "queue",
            "reason", "agent", "sender", "message_id", "content_type", "text", "attachment_url", "size_bytes",
            "from_agent", "to_agent", "to_queue", "by", "rating", "comment");

    private final Instant notAfter;

    /** @param notAfter the latest event time accepted (now): a future time would move the jobs' clocks ahead */
    EventMapping(Instant notAfter) {
        this.notAfter = notAfter;
    }

    ConversationEvent event(Map<String, String> fields) throws InvalidFieldException {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(name, "unknown field; the fields are " + String.join(", ", FIELDS));
            }
        }
        LineFields line = new LineFields(fields);
        String tenant = line.required("tenant");
        String conversation = line.required("conversation");
        EventType type = EventType.of(line.required("type"));
        long at = line.instant("at", notAfter);
        Object payload = payload(type, line, conversation);
        return ConversationEvent.newBuilder().setEventId(line.eventId()).setTenantId(tenant)
                .setConversationId(conversation).setEventTime(at).setPayload(payload).build();
    }

    private static Object payload(EventType type, LineFields line, String conversation) throws InvalidFieldException {
        return switch (type) {
            case OPENED -> opened(line, conversation);
            case QUEUED -> ConversationQueued.newBuilder().setQueueId(line.required("queue"))
                    .setReason(line.choice("reason", QueueReason.class, QueueReason.OTHER)).build();
            case ASSIGNED -> AgentAssigned.newBuilder().setAgentId(line.required("agent"))
                    .setQueueId(line.optional("queue")).build();
            case MESSAGE -> message(line);
            case TRANSFERRED -> transferred(line);
            case RESOLVED -> resolved(line);
            case REOPENED -> ConversationReopened.newBuilder()
                    .setReopenedBy(line.choice("by", SenderKind.class, SenderKind.CUSTOMER)).build();
            case ABANDONED -> ConversationAbandoned.newBuilder().setQueueId(line.optional("queue"))
                    .setReason(line.choice("reason", AbandonReason.class, AbandonReason.CUSTOMER_LEFT)).build();
            case SURVEY_OFFERED -> SurveyOffered.newBuilder().setAgentId(line.optional("agent")).build();
            case CSAT_SUBMITTED -> CsatSubmitted.newBuilder().setRating(line.number("rating", 1, 5, null))
                    .setComment(line.text("comment")).setAgentId(line.optional("agent")).build();
        };
    }

    private static ConversationOpened opened(LineFields line, String conversation) throws InvalidFieldException {
        String customer = line.optional("customer");
        // Exports often leave the customer out; then each conversation counts as a customer of its own.
        return ConversationOpened.newBuilder().setChannel(line.choice("channel", Channel.class, Channel.OTHER))
                .setCustomerId(customer == null ? conversation : customer).setQueueId(line.optional("queue")).build();
    }

    private static MessagePosted message(LineFields line) throws InvalidFieldException {
        SenderKind sender = line.choice("sender", SenderKind.class, null);
        if (sender == null) {
            throw new InvalidFieldException("sender", "missing; one of customer, agent, bot, system");
        }
        String agent = sender == SenderKind.AGENT ? line.required("agent") : line.optional("agent");
        MessagePosted.Builder message = MessagePosted.newBuilder().setSender(sender).setSenderId(agent)
                .setContentType(line.choice("content_type", ContentType.class, ContentType.TEXT))
                .setText(line.text("text")).setAttachmentUrl(line.optional("attachment_url"))
                .setSizeBytes(line.number("size_bytes", 0, Integer.MAX_VALUE, 0));
        String messageId = line.optional("message_id");
        // Read last: without an id of its own, the message is named by its event, i.e. by every field above.
        return message.setMessageId(messageId == null ? line.eventId() : messageId).build();
    }

    private static ConversationTransferred transferred(LineFields line) throws InvalidFieldException {
        String toAgent = line.optional("to_agent");
        String toQueue = line.optional("to_queue");
        if (toAgent == null && toQueue == null) {
            throw new InvalidFieldException("to_agent", "missing; a transfer needs to_agent or to_queue");
        }
        return ConversationTransferred.newBuilder().setFromAgentId(line.optional("from_agent")).setToAgentId(toAgent)
                .setToQueueId(toQueue).build();
    }

    private static ConversationResolved resolved(LineFields line) throws InvalidFieldException {
        String agent = line.optional("agent");
        SenderKind by = line.choice("by", SenderKind.class, agent == null ? SenderKind.SYSTEM : SenderKind.AGENT);
        return ConversationResolved.newBuilder().setAgentId(agent).setResolvedBy(by).build();
    }
}
