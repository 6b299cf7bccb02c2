package io.chatpulse.streamjobs.conversation;

/**
 * One resolution and its resolution time, as a row of {@code resolutions}. {@code resolvedBy} is the
 * contract's sender kind in lower case; {@code agentId} is empty when no agent resolved it;
 * {@code resolutionBusinessMs} counts only the time inside the queue's business hours.
 */
public record Resolution(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        String resolvedBy,
        long startedAt,
        long resolvedAt,
        long resolutionMs,
        boolean afterReopen,
        long resolutionBusinessMs) {
}
