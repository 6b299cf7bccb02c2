package io.chatpulse.streamjobs;

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

/** Scripted events of one conversation; event ids are the conversation id and a sequence number. */
public final class TestConversation {

    private final String tenantId;
    private final String conversationId;
    private int sequence;

    public TestConversation(String tenantId, String conversationId) {
        this.tenantId = tenantId;
        this.conversationId = conversationId;
    }

    public String id() {
        return conversationId;
    }

    public ConversationEvent opened(long at, String queueId) {
        return event(at, ConversationOpened.newBuilder().setChannel(Channel.WEB).setCustomerId("customer-1")
                .setQueueId(queueId).build());
    }

    public ConversationEvent queued(long at, String queueId, QueueReason reason) {
        return event(at, ConversationQueued.newBuilder().setQueueId(queueId).setReason(reason).build());
    }

    public ConversationEvent assigned(long at, String agentId) {
        return event(at, AgentAssigned.newBuilder().setAgentId(agentId).build());
    }

    public ConversationEvent customerMessage(long at) {
        return message(at, SenderKind.CUSTOMER, null);
    }

    public ConversationEvent botMessage(long at) {
        return message(at, SenderKind.BOT, "bot-1");
    }

    public ConversationEvent agentMessage(long at, String agentId) {
        return message(at, SenderKind.AGENT, agentId);
    }

    public ConversationEvent message(long at, SenderKind sender, String senderId) {
        return message(at, sender, senderId, "hello");
    }

    public ConversationEvent customerSays(long at, String text) {
        return message(at, SenderKind.CUSTOMER, null, text);
    }

    public ConversationEvent message(long at, SenderKind sender, String senderId, String text) {
        return event(at, MessagePosted.newBuilder().setMessageId(conversationId + "-m" + sequence)
                .setSender(sender).setSenderId(senderId).setContentType(ContentType.TEXT).setText(text).build());
    }

    public ConversationEvent transferredToQueue(long at, String fromAgentId, String queueId) {
        return event(at, ConversationTransferred.newBuilder().setFromAgentId(fromAgentId).setToQueueId(queueId).build());
    }

    public ConversationEvent transferredToAgent(long at, String fromAgentId, String toAgentId) {
        return event(at, ConversationTransferred.newBuilder().setFromAgentId(fromAgentId).setToAgentId(toAgentId).build());
    }

    public ConversationEvent resolved(long at, String agentId) {
        return event(at, ConversationResolved.newBuilder().setAgentId(agentId)
                .setResolvedBy(agentId == null ? SenderKind.SYSTEM : SenderKind.AGENT).build());
    }

    public ConversationEvent reopened(long at) {
        return event(at, ConversationReopened.newBuilder().setReopenedBy(SenderKind.CUSTOMER).build());
    }

    public ConversationEvent abandoned(long at, String queueId) {
        return event(at, ConversationAbandoned.newBuilder().setQueueId(queueId)
                .setReason(AbandonReason.CUSTOMER_LEFT).build());
    }

    public ConversationEvent surveyOffered(long at, String agentId) {
        return event(at, SurveyOffered.newBuilder().setAgentId(agentId).build());
    }

    public ConversationEvent csat(long at, int rating, String comment, String agentId) {
        return event(at, CsatSubmitted.newBuilder().setRating(rating).setComment(comment).setAgentId(agentId).build());
    }

    private ConversationEvent event(long at, Object payload) {
        return ConversationEvent.newBuilder()
                .setEventId(conversationId + "-e" + (++sequence))
                .setTenantId(tenantId)
                .setConversationId(conversationId)
                .setEventTime(at)
                .setPayload(payload)
                .build();
    }
}
