package io.chatpulse.metrics.conversation;

import java.util.List;

/** The stored per-conversation figures of one conversation: its wait episodes and first responses. */
public record ConversationKpis(String conversationId, List<QueueWait> queueWaits, List<FirstResponse> firstResponses) {

    /** One wait episode; {@code agentId} is empty when the customer abandoned. */
    public record QueueWait(String queueId, String queuedAt, String endedAt, String outcome, String agentId, long waitMs) {
    }

    public record FirstResponse(String queueId, String startedAt, String respondedAt, String agentId, long frtMs) {
    }

    boolean isEmpty() {
        return queueWaits.isEmpty() && firstResponses.isEmpty();
    }
}
