package io.chatpulse.metrics.report;

import io.chatpulse.metrics.queue.Distribution;
import java.util.List;

/**
 * GET /api/v1/kpis/by-contact-reason: FRT, resolution time and CSAT over [from, to) per contact
 * reason (the conversation's first topic, docs/kpi-topics.md), by reason; reason '' holds the
 * figures of conversations that named no topic. Each figure is in the period of the event that
 * completes it, as in the summary, so the rows' counts add up to the summary's.
 */
public record ContactReasonReport(String from, String to, String timezone, Filters filters, List<Reason> reasons) {

    public record Reason(String contactReason, Distribution firstResponse, Distribution resolutionTime,
                         AgentReport.Csat csat) {
    }
}
