package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.MessagePosted;

final class Agents {
    private Agents() {
    }

    /** The agent who wrote a message: its sender, else the agent assigned; empty if neither is known. */
    static String author(MessagePosted message, ConversationContext where) {
        if (message.getSenderId() != null) {
            return message.getSenderId();
        }
        return where.agentId == null ? "" : where.agentId;
    }

    static String orEmpty(String agentId) {
        return agentId == null ? "" : agentId;
    }
}
