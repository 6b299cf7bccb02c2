package io.chatpulse.metrics.qa;

/**
 * A scored stretch that failed a check: its conversation, credited agent, queue at the end, when it
 * ended, its QA score, and the message (event id and time) that failed the check; {@code eventId}
 * empty and {@code at} the end when no message did (a survey never offered).
 */
public record FailedCheck(String conversationId, String agentId, String queueId, String endedAt, double score,
                          String eventId, String at) {
}
