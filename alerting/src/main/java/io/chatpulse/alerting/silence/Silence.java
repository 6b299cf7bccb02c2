package io.chatpulse.alerting.silence;

import io.chatpulse.alerting.incident.Incident;

/**
 * Suppresses the pages of a tenant's incidents that match it until {@code endsAt} (epoch ms).
 * A null rule or scope matches every rule or scope.
 */
public record Silence(String id, String tenant, String rule, String scope, long createdAt, long endsAt, String comment) {

    /** The store key: silences are listed per tenant. */
    public static String key(String tenant, String id) {
        return tenant + "|" + id;
    }

    public boolean isActive(long now) {
        return now < endsAt;
    }

    public boolean matches(Incident incident, long now) {
        return isActive(now)
                && tenant.equals(incident.tenant())
                && (rule == null || rule.equals(incident.rule()))
                && (scope == null || scope.equals(incident.scope()));
    }

    public Silence expire(long now) {
        return new Silence(id, tenant, rule, scope, createdAt, Math.min(endsAt, now), comment);
    }
}
