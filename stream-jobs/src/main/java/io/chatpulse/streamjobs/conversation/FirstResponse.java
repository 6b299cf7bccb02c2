package io.chatpulse.streamjobs.conversation;

/**
 * One first response time, as a row of {@code first_responses}. Times are epoch milliseconds, UTC;
 * {@code frtBusinessMs} counts only the time inside the queue's business hours.
 */
public record FirstResponse(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long startedAt,
        long respondedAt,
        long frtMs,
        long frtBusinessMs) {
}
