package io.chatpulse.streamjobs.topic;

/**
 * A customer message is about a topic: a row of {@code message_topics}. {@code rank} is 1 for the
 * topic matched first in the message, 2 for the next, ...; {@code queueId} is the queue the
 * conversation was in when the message came, empty if none.
 */
public record MessageTopic(
        String tenantId,
        String queueId,
        String conversationId,
        String eventId,
        long at,
        String topic,
        int rank) {
}
