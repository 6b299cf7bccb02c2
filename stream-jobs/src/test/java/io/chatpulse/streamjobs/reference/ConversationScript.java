package io.chatpulse.streamjobs.reference;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One conversation's events, each action emitting what chat-core's ConversationLifecycle emits for it
 * (a transfer to an agent is transferred + assigned, a resolution is resolved + survey offered, ...).
 * Every action takes its time and returns it, so a script reads as a timeline.
 */
final class ConversationScript {

    private final String tenantId;
    private final String conversationId;
    private final Random ids;
    private final List<ConversationEvent> events = new ArrayList<>();
    private String queueId;
    private String assigneeId;
    private String creditedAgentId;
    private boolean waiting;

    ConversationScript(String tenantId, String conversationId, Random ids) {
        this.tenantId = tenantId;
        this.conversationId = conversationId;
        this.ids = ids;
    }

    List<ConversationEvent> events() {
        return events;
    }

    String queue() {
        return queueId;
    }

    String assignee() {
        return assigneeId;
    }

    boolean waiting() {
        return waiting;
    }

    /** With the bot: neither waiting for nor assigned to a human agent. */
    boolean withBot() {
        return !waiting && assigneeId == null;
    }

    /** Into a queue, or with a bot first when {@code queue} is null. */
    long open(long at, Channel channel, String queue) {
        emit(at, new ConversationOpened(channel, "customer-" + conversationId, queue));
        if (queue != null) {
            enterQueue(at, queue, QueueReason.NEW);
        }
        return at;
    }

    long customer(long at) {
        return message(at, SenderKind.CUSTOMER, null);
    }

    long bot(long at) {
        return message(at, SenderKind.BOT, null);
    }

    long agent(long at) {
        return message(at, SenderKind.AGENT, assigneeId);
    }

    long handOff(long at, String queue) {
        enterQueue(at, queue, QueueReason.BOT_HANDOFF);
        return at;
    }

    long assign(long at, String agentId) {
        assigneeId = agentId;
        waiting = false;
        emit(at, new AgentAssigned(agentId, queueId));
        return at;
    }

    long transferToAgent(long at, String toAgentId) {
        emit(at, new ConversationTransferred(assigneeId, toAgentId, null));
        return assign(at, toAgentId);
    }

    long transferToQueue(long at, String toQueueId) {
        emit(at, new ConversationTransferred(assigneeId, null, toQueueId));
        enterQueue(at, toQueueId, QueueReason.TRANSFER);
        return at;
    }

    /** The agent went away: the conversation waits in its queue again. */
    long handBack(long at) {
        emit(at, new ConversationTransferred(assigneeId, null, queueId));
        enterQueue(at, queueId, QueueReason.REQUEUE);
        return at;
    }

    long abandon(long at, AbandonReason reason) {
        waiting = false;
        emit(at, new ConversationAbandoned(queueId, reason));
        return at;
    }

    /** By the assigned agent, or by the bot when none is. */
    long resolve(long at) {
        creditedAgentId = assigneeId;
        emit(at, new ConversationResolved(assigneeId, assigneeId == null ? SenderKind.BOT : SenderKind.AGENT));
        emit(at, new SurveyOffered(assigneeId));
        return at;
    }

    long rate(long at, int rating, String comment) {
        emit(at, new CsatSubmitted(rating, comment, creditedAgentId));
        return at;
    }

    /** Back to its queue, or to the bot when it never had one. */
    long reopenByCustomer(long at) {
        emit(at, new ConversationReopened(SenderKind.CUSTOMER));
        assigneeId = null;
        if (queueId != null) {
            enterQueue(at, queueId, QueueReason.REOPEN);
        }
        return at;
    }

    long reopenByAgent(long at, String agentId) {
        emit(at, new ConversationReopened(SenderKind.AGENT));
        return assign(at, agentId);
    }

    private void enterQueue(long at, String queue, QueueReason reason) {
        queueId = queue;
        assigneeId = null;
        waiting = true;
        emit(at, new ConversationQueued(queue, reason));
    }

    private long message(long at, SenderKind sender, String senderId) {
        emit(at, new MessagePosted(newId(), sender, senderId, ContentType.TEXT, "text", null, 0));
        return at;
    }

    private void emit(long at, Object payload) {
        events.add(ConversationEvent.newBuilder().setEventId(newId()).setTenantId(tenantId)
                .setConversationId(conversationId).setEventTime(at).setPayload(payload).build());
    }

    private String newId() {
        return new UUID(ids.nextLong(), ids.nextLong()).toString();
    }
}
