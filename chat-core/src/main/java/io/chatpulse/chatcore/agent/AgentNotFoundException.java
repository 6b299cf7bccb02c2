package io.chatpulse.chatcore.agent;

/** No agent with this id reported a status in the caller's tenant; 404. */
public class AgentNotFoundException extends RuntimeException {
    public AgentNotFoundException(String agentId) {
        super("no agent " + agentId);
    }
}
