package io.chatpulse.metrics.report;

/** GET /api/v1/kpis/summary: every KPI over [from, to). */
public record KpiSummary(String from, String to, String timezone, Filters filters, Kpis kpis) {
}
