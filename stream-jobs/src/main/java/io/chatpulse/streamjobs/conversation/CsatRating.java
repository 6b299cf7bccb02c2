package io.chatpulse.streamjobs.conversation;

/**
 * One survey answer, as a row of {@code csat_ratings}, credited to the agent assigned at resolution
 * (empty when a bot resolved it). Times are epoch milliseconds, UTC.
 */
public record CsatRating(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long submittedAt,
        int rating,
        String comment) {
}
