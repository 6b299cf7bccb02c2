package io.chatpulse.streamjobs.conversation;

/**
 * One reply time, as a row of {@code reply_times}. Times are epoch milliseconds, UTC;
 * {@code replyBusinessMs} counts only the time inside the queue's business hours.
 */
public record ReplyTime(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long customerAt,
        long repliedAt,
        long replyMs,
        long replyBusinessMs) {
}
