package io.chatpulse.metrics.report;

/**
 * An agent's time in a bucket as the view report_agent_time computes it: online time, and
 * occupancy and average concurrency over it, null when the agent was not online.
 */
record AgentTime(long onlineMs, Double occupancy, Double averageConcurrency) {

    static final AgentTime NONE = new AgentTime(0, null, null);
}
