package io.chatpulse.alerting.incident;

import io.chatpulse.events.AlertEvent;

/**
 * The lifecycle of one alert key (tenant, rule, scope) from its first FIRING to its RESOLVED: what
 * was paged, when, and whether someone acknowledged it. Times are epoch milliseconds; the wall
 * clock of alerting for {@code firstSeenAt}, {@code dueAt}, {@code lastPagedAt}.
 *
 * @param dueAt       the end of the group wait: not paged before
 * @param pages       how many pages (first and repeats) were sent
 */
public record Incident(String tenant, String rule, String scope, IncidentStatus status,
        long startedAt, long firstSeenAt, long dueAt, long lastPagedAt, int pages,
        boolean acknowledged, long resolvedAt, double value, double threshold, String summary, String dashboardUrl) {

    public static final String PIPELINE_STALLED = "pipeline_stalled";

    static Incident firing(AlertEvent alert, long now, long dueAt) {
        return new Incident(alert.getTenantId(), alert.getRule(), alert.getScope(), IncidentStatus.FIRING,
                alert.getStartedAt(), now, dueAt, 0, 0, false, 0,
                alert.getValue(), alert.getThreshold(), alert.getSummary(), alert.getDashboardUrl());
    }

    /** The store key, the same as the alert's key on Kafka. */
    public static String key(String tenant, String rule, String scope) {
        return tenant + "|" + rule + "|" + scope;
    }

    public String key() {
        return key(tenant, rule, scope);
    }

    /** Stable for the incident at every receiver (PagerDuty's dedup_key). */
    public String dedupKey() {
        return tenant + "/" + rule + "/" + scope;
    }

    /** Alerts of one tenant and queue (scope) are paged together after one group wait. */
    public String group() {
        return tenant + "|" + scope;
    }

    public boolean isFiring() {
        return status == IncidentStatus.FIRING;
    }

    public boolean wasPaged() {
        return pages > 0;
    }

    Incident withFigures(AlertEvent alert) {
        return new Incident(tenant, rule, scope, status, startedAt, firstSeenAt, dueAt, lastPagedAt, pages,
                acknowledged, resolvedAt, alert.getValue(), alert.getThreshold(), alert.getSummary(),
                alert.getDashboardUrl() == null ? dashboardUrl : alert.getDashboardUrl());
    }

    Incident paged(long now) {
        return new Incident(tenant, rule, scope, status, startedAt, firstSeenAt, dueAt, now, pages + 1,
                acknowledged, resolvedAt, value, threshold, summary, dashboardUrl);
    }

    Incident acknowledge() {
        return new Incident(tenant, rule, scope, status, startedAt, firstSeenAt, dueAt, lastPagedAt, pages,
                true, resolvedAt, value, threshold, summary, dashboardUrl);
    }

    Incident resolve(AlertEvent alert, long now) {
        return new Incident(tenant, rule, scope, IncidentStatus.RESOLVED, startedAt, firstSeenAt, dueAt, lastPagedAt,
                pages, acknowledged, now, alert.getValue(), alert.getThreshold(), alert.getSummary(), dashboardUrl);
    }
}
