package io.chatpulse.metrics.report;

import io.chatpulse.metrics.qa.AgentQa;
import io.chatpulse.metrics.queue.Distribution;
import java.util.List;

/**
 * GET /api/v1/reports/agents: one row per agent with any figure in the period, by agent id. Online
 * time belongs to no queue, channel or contact reason: without such a filter, an agent who was
 * online and handled nothing has a row too; with one, the rows are the agents with figures that
 * match it.
 */
public record AgentReport(String from, String to, String timezone, Filters filters, List<Agent> agents) {

    /**
     * handled: distinct conversations assigned to the agent; resolutions: resolution events by the
     * agent; the distributions are the agent's own figures. onlineMs: time in status online;
     * occupancy: the fraction of it with at least one active conversation; averageConcurrency: the
     * time-weighted mean of active conversations while online; both null without online time. The
     * three are the agent's whole time, whatever the queue and channel filters. qa: the automatic
     * QA of the stretches credited to the agent that ended in the period (docs/kpi-qa.md).
     */
    public record Agent(String agentId, long handled, long resolutions, Distribution firstResponse,
                        Distribution replyTime, Distribution handleTime, long onlineMs, Double occupancy,
                        Double averageConcurrency, Csat csat, AgentQa qa) {
    }

    public record Csat(long ratings, Double csat, Double averageRating, Double negativeRate) {
    }
}
