package io.chatpulse.chatcore.agent;

import io.chatpulse.events.AgentStatus;
import java.util.List;

/** An agent as the API shows it, with the conversations they hold now. */
public record AgentView(String agentId, AgentStatus status, int capacity, List<String> skills,
        int activeConversations) {
}
