package io.chatpulse.alerting.incident;

import io.chatpulse.alerting.route.NotificationRoutes;
import io.chatpulse.alerting.route.Timing;
import io.chatpulse.alerting.silence.Silence;
import io.chatpulse.events.AlertEvent;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The decisions of the lifecycle, free of Kafka: when an evaluation opens an incident, when an
 * incident pages, repeats, is silenced or inhibited. Times are epoch milliseconds.
 */
public final class IncidentPolicy {

    private final NotificationRoutes routes;

    public IncidentPolicy(NotificationRoutes routes) {
        this.routes = routes;
    }

    /**
     * A FIRING evaluation. An incident already firing only takes the fresher figures (one page per
     * incident, not per evaluation); otherwise a new incident, due at the end of the open group
     * wait of its tenant and queue if there is one, else after its own group wait.
     */
    public Incident onFiring(Incident current, AlertEvent alert, long now, OptionalLong openGroupDueAt) {
        if (current != null && current.isFiring()) {
            return current.withFigures(alert);
        }
        long dueAt = openGroupDueAt.orElse(now + timing(alert.getTenantId(), alert.getRule()).groupWait().toMillis());
        return Incident.firing(alert, now, dueAt);
    }

    /** A RESOLVED evaluation: the firing incident, resolved; empty when nothing fires under the key. */
    public Optional<Incident> onResolved(Incident current, AlertEvent alert, long now) {
        if (current == null || !current.isFiring()) {
            return Optional.empty();
        }
        return Optional.of(current.resolve(alert, now));
    }

    /** An acknowledgement stops repeats; empty when nothing fires under the key or it was acknowledged. */
    public Optional<Incident> onAcknowledge(Incident current) {
        if (current == null || !current.isFiring() || current.acknowledged()) {
            return Optional.empty();
        }
        return Optional.of(current.acknowledge());
    }

    /** Whether {@code incident} pages at {@code now}, given the tenant's silences and incidents. */
    public PageDecision decide(Incident incident, long now, Collection<Silence> silences, Collection<Incident> tenantIncidents) {
        if (!incident.isFiring() || incident.acknowledged() || now < incident.dueAt()) {
            return PageDecision.WAIT;
        }
        if (incident.wasPaged()
                && now < incident.lastPagedAt() + timing(incident.tenant(), incident.rule()).repeatInterval().toMillis()) {
            return PageDecision.WAIT;
        }
        if (silences.stream().anyMatch(silence -> silence.matches(incident, now))) {
            return PageDecision.SILENCED;
        }
        if (tenantIncidents.stream().anyMatch(other -> inhibits(other, incident))) {
            return PageDecision.INHIBITED;
        }
        return incident.wasPaged() ? PageDecision.REPEAT : PageDecision.PAGE;
    }

    /**
     * A firing pipeline_stalled makes every per-queue figure of its tenant stale, so their pages
     * would be noise: it inhibits the tenant's per-queue incidents (scope queue:...).
     */
    public static boolean inhibits(Incident source, Incident target) {
        return source.isFiring()
                && Incident.PIPELINE_STALLED.equals(source.rule())
                && source.tenant().equals(target.tenant())
                && !Incident.PIPELINE_STALLED.equals(target.rule())
                && target.scope().startsWith("queue:");
    }

    /** A resolved incident is forgotten after the retention; a firing one never. */
    public static boolean expired(Incident incident, long now, long retentionMs) {
        return !incident.isFiring() && now - incident.resolvedAt() > retentionMs;
    }

    private Timing timing(String tenant, String rule) {
        return routes.timing(tenant, rule);
    }
}
