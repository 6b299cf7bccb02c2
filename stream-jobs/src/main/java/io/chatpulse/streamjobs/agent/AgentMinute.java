package io.chatpulse.streamjobs.agent;

/**
 * An agent's time in one minute of event time: a row of {@code agent_time_minutes} (V006).
 * {@code minute} is the minute's start, epoch ms.
 */
public record AgentMinute(
        String tenantId,
        String agentId,
        long minute,
        long onlineMs,
        long occupiedMs,
        long conversationMs) {
}
