package io.chatpulse.chatcore.conversation;

import io.chatpulse.events.Channel;
import java.time.Instant;

/**
 * The live state of one conversation, immutable: a change yields a new value, stored only after
 * its events were acknowledged. The same transition methods serve the lifecycle (live calls) and
 * the replay of the event log at start-up, so both arrive at the same state.
 *
 * @param waitTicket orders the wait in a queue (earlier tickets are served first)
 * @param creditedAgentId the agent assigned at the last resolution; CSAT is credited to them
 * @param assignedAt when the current agent episode started (null unless ASSIGNED)
 * @param awaitingReplySince the first customer message no agent has answered yet, or null
 * @param closedAt when it was last resolved or abandoned (null while active); drives retention
 */
public record Conversation(
        String id,
        String tenantId,
        String customerId,
        Channel channel,
        ConversationState state,
        String queueId,
        String assigneeId,
        int messageCount,
        Instant openedAt,
        Instant waitingSince,
        long waitTicket,
        String creditedAgentId,
        Integer csatRating,
        Instant assignedAt,
        Instant awaitingReplySince,
        Instant closedAt) {

    static Conversation opened(String id, String tenantId, String customerId, Channel channel, Instant now) {
        return new Conversation(id, tenantId, customerId, channel, ConversationState.BOT, null, null, 0, now, null, 0,
                null, null, null, null, null);
    }

    public boolean isWaiting() {
        return state == ConversationState.QUEUED;
    }

    public boolean isAssignedTo(String agentId) {
        return state == ConversationState.ASSIGNED && agentId.equals(assigneeId);
    }

    public boolean isClosed() {
        return state == ConversationState.RESOLVED || state == ConversationState.ABANDONED;
    }

    Conversation withState(ConversationState newState) {
        return new Conversation(id, tenantId, customerId, channel, newState, queueId, assigneeId, messageCount,
                openedAt, waitingSince, waitTicket, creditedAgentId, csatRating, assignedAt, awaitingReplySince,
                closedAt);
    }

    Conversation reopen() {
        return new Conversation(id, tenantId, customerId, channel, ConversationState.BOT, queueId, null, messageCount,
                openedAt, null, 0, creditedAgentId, csatRating, null, null, null);
    }

    Conversation enterQueue(String queue, Instant now, long ticket) {
        return new Conversation(id, tenantId, customerId, channel, ConversationState.QUEUED, queue, null,
                messageCount, openedAt, now, ticket, creditedAgentId, csatRating, null, awaitingReplySince, null);
    }

    Conversation assign(String agentId, Instant now) {
        return new Conversation(id, tenantId, customerId, channel, ConversationState.ASSIGNED, queueId, agentId,
                messageCount, openedAt, null, 0, creditedAgentId, csatRating, now, awaitingReplySince, null);
    }

    /** A customer message starts (or keeps) the wait for a reply; an agent message ends it. */
    Conversation countMessage(io.chatpulse.events.SenderKind sender, Instant now) {
        Instant awaiting = switch (sender) {
            case CUSTOMER -> awaitingReplySince == null ? now : awaitingReplySince;
            case AGENT -> null;
            default -> awaitingReplySince;
        };
        return new Conversation(id, tenantId, customerId, channel, state, queueId, assigneeId, messageCount + 1,
                openedAt, waitingSince, waitTicket, creditedAgentId, csatRating, assignedAt, awaiting, closedAt);
    }

    Conversation resolve(Instant now) {
        return new Conversation(id, tenantId, customerId, channel, ConversationState.RESOLVED, queueId, null,
                messageCount, openedAt, null, 0, assigneeId, null, null, null, now);
    }

    Conversation abandon(Instant now) {
        return new Conversation(id, tenantId, customerId, channel, ConversationState.ABANDONED, queueId, null,
                messageCount, openedAt, null, 0, creditedAgentId, csatRating, null, null, now);
    }

    Conversation rate(int rating) {
        return new Conversation(id, tenantId, customerId, channel, state, queueId, assigneeId, messageCount,
                openedAt, waitingSince, waitTicket, creditedAgentId, rating, assignedAt, awaitingReplySince, closedAt);
    }
}
