package io.chatpulse.streamjobs.qa;

/**
 * One check's verdict on one ended stretch, a row of {@code qa_checks}: {@code outcome} "pass",
 * "fail" or "not_applicable"; for a failure the message (event id and time) that failed it. Keyed
 * as its {@link QaScore}, with the check.
 */
public record QaCheckResult(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long endedAt,
        String check,
        String outcome,
        int weight,
        String eventId,
        long at,
        int scorecardVersion,
        int revision) {
}
