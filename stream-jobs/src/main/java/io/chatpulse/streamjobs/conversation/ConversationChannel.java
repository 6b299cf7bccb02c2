package io.chatpulse.streamjobs.conversation;

/**
 * The channel a conversation was opened on, as a row of {@code conversation_channels}: the key of
 * every report's channel filter. Times are epoch milliseconds, UTC.
 */
public record ConversationChannel(String tenantId, String conversationId, String channel, long openedAt) {
}
