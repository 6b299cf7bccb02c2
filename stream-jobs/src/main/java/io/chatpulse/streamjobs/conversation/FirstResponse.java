package io.chatpulse.streamjobs.conversation;

/** One first response time, as a row of {@code first_responses}. Times are epoch milliseconds, UTC. */
public record FirstResponse(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long startedAt,
        long respondedAt,
        long frtMs) {
}
