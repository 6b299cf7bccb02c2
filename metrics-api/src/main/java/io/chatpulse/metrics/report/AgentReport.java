package io.chatpulse.metrics.report;

import io.chatpulse.metrics.queue.Distribution;
import java.util.List;

/** GET /api/v1/reports/agents: one row per agent with any figure in the period, by agent id. */
public record AgentReport(String from, String to, String timezone, Filters filters, List<Agent> agents) {

    /**
     * handled: distinct conversations assigned to the agent; resolutions: resolution events by the
     * agent; the distributions are the agent's own figures; occupancy is always null: it needs
     * agent status (online time), which is not stored yet.
     */
    public record Agent(String agentId, long handled, long resolutions, Distribution firstResponse,
                        Distribution replyTime, Distribution handleTime, Double occupancy, Csat csat) {
    }

    public record Csat(long ratings, Double csat, Double averageRating, Double negativeRate) {
    }
}
