package io.chatpulse.chatcore.agent;

import io.chatpulse.events.AgentStatus;
import java.util.Collection;
import java.util.List;

/**
 * An agent's availability as last reported; skills name the queues they serve, or skills a
 * queue asks for (none: any queue).
 */
public record Agent(String id, String tenantId, AgentStatus status, int capacity, List<String> skills) {

    public boolean isOnline() {
        return status == AgentStatus.ONLINE;
    }

    public boolean serves(String queueId) {
        return skills.contains(queueId);
    }

    /** Names the queue itself or one of the skills the queue is configured to need. */
    public boolean serves(String queueId, Collection<String> queueSkills) {
        return serves(queueId) || queueSkills.stream().anyMatch(skills::contains);
    }

    public boolean isGeneralist() {
        return skills.isEmpty();
    }
}
