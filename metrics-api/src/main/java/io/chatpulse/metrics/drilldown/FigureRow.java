package io.chatpulse.metrics.drilldown;

/**
 * One conversation's figure: {@code startedAt} is when the measured span began (queued, opened,
 * customer message, assignment; for csat the submission), {@code completedAt} the event that
 * completes it and files it in a period; {@code value} is milliseconds, or the rating for csat;
 * {@code detail}: the outcome, who resolved, how the episode ended, or the rating's comment.
 */
public record FigureRow(String conversationId, String queueId, String agentId, String startedAt, String completedAt,
                        long value, String detail) {
}
