package io.chatpulse.chatcore.conversation;

public enum ConversationState {
    /** A bot answers; no queue, no agent yet. */
    BOT,
    /** Waiting in a queue for a human agent. */
    QUEUED,
    /** A human agent holds it. */
    ASSIGNED,
    RESOLVED,
    /** The customer left while waiting; final. */
    ABANDONED
}
