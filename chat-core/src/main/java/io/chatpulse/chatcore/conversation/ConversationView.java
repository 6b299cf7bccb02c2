package io.chatpulse.chatcore.conversation;

import java.time.Instant;

/** What the API shows of a conversation. queuePosition is 1-based, only while waiting. */
public record ConversationView(
        String conversationId,
        ConversationState state,
        String queueId,
        Integer queuePosition,
        String assigneeId,
        String channel,
        String customerId,
        int messageCount,
        Instant openedAt,
        Instant waitingSince,
        String creditedAgentId,
        Integer csatRating) {

    static ConversationView of(Conversation c, Integer queuePosition) {
        return new ConversationView(c.id(), c.state(), c.queueId(), queuePosition, c.assigneeId(),
                c.channel().name(), c.customerId(), c.messageCount(), c.openedAt(), c.waitingSince(),
                c.creditedAgentId(), c.csatRating());
    }
}
