package io.chatpulse.streamjobs.topic;

/**
 * A conversation is about a topic: a row of {@code conversation_topics}, written when a customer
 * message first names the topic in the conversation. {@code contactReason} marks the conversation's
 * first topic; {@code eventId}, {@code at} and {@code queueId} are those of that first message.
 */
public record ConversationTopic(
        String tenantId,
        String queueId,
        String conversationId,
        String topic,
        String eventId,
        long at,
        boolean contactReason) {
}
