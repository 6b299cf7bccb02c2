package io.chatpulse.streamjobs.qa;

/**
 * The QA score of one ended stretch of a conversation, a row of {@code qa_scores}: credited to
 * {@code agentId} (the agent assigned at the resolution, as CSAT; else the last agent assigned),
 * {@code ending} "resolved" or "abandoned", {@code score} 0-100 from the weights of the passed and
 * the applicable checks. {@code revision} 1 replaces 0 once a survey offered right after the
 * resolution is seen. Times are epoch ms.
 */
public record QaScore(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long endedAt,
        String ending,
        double score,
        int passedWeight,
        int applicableWeight,
        int scorecardVersion,
        int revision) {
}
