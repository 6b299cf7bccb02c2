package io.chatpulse.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.alerting.route.NotificationRoute;
import io.chatpulse.alerting.route.NotificationRoutes;
import io.chatpulse.alerting.route.Timing;
import io.chatpulse.alerting.silence.Silence;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IncidentPolicyTest {

    private static final long T0 = 1_767_225_600_000L;
    private final IncidentPolicy policy = new IncidentPolicy(new NotificationRoutes(
            List.of(new NotificationRoute("acme", List.of(), List.of("hook"), null, null),
                    new NotificationRoute("fast", List.of("queue_wait"), List.of("hook"), Duration.ZERO, Duration.ofMinutes(1))),
            new Timing(Duration.ofSeconds(2), Duration.ofMinutes(15))));

    @Test
    void aNewIncidentPagesOnceAfterTheGroupWait() {
        Incident incident = policy.onFiring(null, alert("acme", "queue_wait", "queue:billing"), T0, OptionalLong.empty());

        assertThat(incident.dueAt()).isEqualTo(T0 + 2_000);
        assertThat(decide(incident, T0 + 1_999)).isEqualTo(PageDecision.WAIT);
        assertThat(decide(incident, T0 + 2_000)).isEqualTo(PageDecision.PAGE);
    }

    @Test
    void aFiringEvaluationOfAFiringIncidentIsNoNewPage() {
        Incident paged = policy.onFiring(null, alert("acme", "queue_wait", "queue:billing"), T0, OptionalLong.empty()).paged(T0 + 2_000);

        Incident again = policy.onFiring(paged, alert("acme", "queue_wait", "queue:billing"), T0 + 60_000, OptionalLong.empty());

        assertThat(again.pages()).isEqualTo(1);
        assertThat(again.lastPagedAt()).isEqualTo(T0 + 2_000);
        assertThat(decide(again, T0 + 60_000)).isEqualTo(PageDecision.WAIT);
    }

    @Test
    void repeatsAtTheRouteIntervalUntilAcknowledged() {
        Incident paged = policy.onFiring(null, alert("fast", "queue_wait", "queue:a"), T0, OptionalLong.empty()).paged(T0);

        assertThat(decide(paged, T0 + 59_999)).isEqualTo(PageDecision.WAIT);
        assertThat(decide(paged, T0 + 60_000)).isEqualTo(PageDecision.REPEAT);
        assertThat(decide(policy.onAcknowledge(paged).orElseThrow(), T0 + 600_000)).isEqualTo(PageDecision.WAIT);
    }

    @Test
    void joinsTheOpenGroupWaitOfItsQueue() {
        Incident second = policy.onFiring(null, alert("acme", "frt_spike", "queue:billing"), T0 + 1_500, OptionalLong.of(T0 + 2_000));

        assertThat(second.dueAt()).isEqualTo(T0 + 2_000);
    }

    @Test
    void aResolutionClosesOnlyAFiringIncident() {
        Incident firing = policy.onFiring(null, alert("acme", "queue_wait", "queue:billing"), T0, OptionalLong.empty());

        assertThat(policy.onResolved(null, alert("acme", "queue_wait", "queue:billing"), T0)).isEmpty();
        Incident resolved = policy.onResolved(firing, alert("acme", "queue_wait", "queue:billing"), T0 + 5).orElseThrow();
        assertThat(resolved.isFiring()).isFalse();
        assertThat(policy.onResolved(resolved, alert("acme", "queue_wait", "queue:billing"), T0 + 6)).isEmpty();
        assertThat(decide(resolved, T0 + 10_000)).isEqualTo(PageDecision.WAIT);
    }

    @Test
    void anActiveMatchingSilenceSuppressesUntilItEnds() {
        Incident incident = policy.onFiring(null, alert("acme", "queue_wait", "queue:billing"), T0, OptionalLong.empty());
        Silence silence = new Silence("s1", "acme", "queue_wait", null, T0, T0 + 10_000, "maintenance");
        Silence otherScope = new Silence("s2", "acme", null, "queue:sales", T0, T0 + 10_000, null);

        assertThat(policy.decide(incident, T0 + 5_000, List.of(silence), List.of(incident))).isEqualTo(PageDecision.SILENCED);
        assertThat(policy.decide(incident, T0 + 5_000, List.of(otherScope), List.of(incident))).isEqualTo(PageDecision.PAGE);
        assertThat(policy.decide(incident, T0 + 10_000, List.of(silence), List.of(incident))).isEqualTo(PageDecision.PAGE);
    }

    @Test
    void aFiringPipelineStalledInhibitsTheQueuePagesOfItsTenantOnly() {
        Incident stalled = policy.onFiring(null, alert("acme", "pipeline_stalled", "pipeline"), T0, OptionalLong.empty());
        Incident queue = policy.onFiring(null, alert("acme", "queue_wait", "queue:billing"), T0, OptionalLong.empty());
        Incident tenantWide = policy.onFiring(null, alert("acme", "csat_drop", "tenant"), T0, OptionalLong.empty());
        Incident otherTenant = policy.onFiring(null, alert("fast", "queue_wait", "queue:billing"), T0, OptionalLong.empty());

        List<Incident> all = List.of(stalled, queue, tenantWide);
        assertThat(policy.decide(queue, T0 + 2_000, List.of(), all)).isEqualTo(PageDecision.INHIBITED);
        assertThat(policy.decide(stalled, T0 + 2_000, List.of(), all)).isEqualTo(PageDecision.PAGE);
        assertThat(policy.decide(tenantWide, T0 + 2_000, List.of(), all)).isEqualTo(PageDecision.PAGE);
        assertThat(IncidentPolicy.inhibits(stalled, otherTenant)).isFalse();
        Incident stalledResolved = policy.onResolved(stalled, alert("acme", "pipeline_stalled", "pipeline"), T0 + 3).orElseThrow();
        assertThat(policy.decide(queue, T0 + 2_000, List.of(), List.of(stalledResolved, queue))).isEqualTo(PageDecision.PAGE);
    }

    private PageDecision decide(Incident incident, long now) {
        return policy.decide(incident, now, List.of(), List.of(incident));
    }

    static AlertEvent alert(String tenant, String rule, String scope) {
        return AlertEvent.newBuilder().setEventId("e").setTenantId(tenant).setRule(rule).setScope(scope)
                .setState(AlertState.FIRING).setEventTime(T0).setStartedAt(T0 - 10_000).setValue(150.0).setThreshold(120.0)
                .setSummary("oldest wait 150 s").setReplay(false).build();
    }
}
