package io.chatpulse.alerting.incident;

import io.chatpulse.alerting.route.NotificationRoutes;
import io.chatpulse.alerting.silence.Silence;
import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.NotificationAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies alerts and commands of the tenants of one partition to their incidents and silences, and
 * on a wall-clock timer pages what is due: pages must go out while no alert arrives. Decisions are
 * {@link IncidentPolicy}'s; this class only reads and writes the stores and emits notifications.
 */
final class IncidentProcessor implements Processor<String, IncidentInput, String, AlertNotification> {

    private static final Logger log = LoggerFactory.getLogger(IncidentProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final IncidentPolicy policy;
    private final NotificationRoutes routes;
    private final Duration tick;
    private final long retentionMs;
    private ProcessorContext<String, AlertNotification> context;
    private KeyValueStore<String, Incident> incidents;
    private KeyValueStore<String, Silence> silences;

    IncidentProcessor(IncidentPolicy policy, NotificationRoutes routes, Duration tick, Duration retention) {
        this.policy = policy;
        this.routes = routes;
        this.tick = tick;
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, AlertNotification> context) {
        this.context = context;
        this.incidents = context.getStateStore(IncidentTopology.INCIDENT_STORE);
        this.silences = context.getStateStore(IncidentTopology.SILENCE_STORE);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::onTick);
    }

    @Override
    public void process(Record<String, IncidentInput> record) {
        long now = context.currentSystemTimeMs();
        if (record.value() instanceof IncidentInput.Alert alert) {
            onAlert(alert.event(), now);
        } else if (record.value() instanceof IncidentInput.Command command) {
            onCommand(command.command(), now);
        }
    }

    private void onAlert(AlertEvent alert, long now) {
        String key = Incident.key(alert.getTenantId(), alert.getRule(), alert.getScope());
        if (alert.getReplay()) {
            // History recomputed: recorded by the intake, never paged (nobody is paged for the past).
            log.info("replayed alert not delivered: key={} state={} eventId={}", key, alert.getState(), alert.getEventId());
            return;
        }
        Incident current = incidents.get(key);
        if (alert.getState() == AlertState.FIRING) {
            Incident next = policy.onFiring(current, alert, now, openGroupDueAt(alert.getTenantId(), alert.getScope(), now));
            if (current == null || !current.isFiring()) {
                log.info("incident opened: key={} pages in {} ms (group wait)", key, next.dueAt() - now);
            }
            incidents.put(key, next);
            return;
        }
        policy.onResolved(current, alert, now).ifPresent(resolved -> {
            incidents.put(key, resolved);
            log.info("incident resolved: key={} pages={} acknowledged={}", key, resolved.pages(), resolved.acknowledged());
            if (resolved.wasPaged()) {
                notify(resolved, NotificationAction.RESOLVE, resolved.pages(), now);
            }
        });
    }

    private void onCommand(AlertCommand command, long now) {
        String tenant = command.getTenantId();
        switch (command.getType()) {
            case ACKNOWLEDGE -> {
                String key = Incident.key(tenant, command.getRule(), command.getScope());
                policy.onAcknowledge(incidents.get(key)).ifPresent(acknowledged -> {
                    incidents.put(key, acknowledged);
                    log.info("incident acknowledged: key={} commandId={}", key, command.getCommandId());
                    if (acknowledged.wasPaged()) {
                        notify(acknowledged, NotificationAction.ACKNOWLEDGE, acknowledged.pages(), now);
                    }
                });
            }
            case SILENCE -> {
                Silence silence = new Silence(command.getSilenceId(), tenant, command.getRule(), command.getScope(),
                        command.getIssuedAt(), command.getEndsAt() == null ? now : command.getEndsAt(), command.getComment());
                silences.put(Silence.key(tenant, silence.id()), silence);
                log.info("silence created: {}", silence);
            }
            case EXPIRE_SILENCE -> {
                String key = Silence.key(tenant, command.getSilenceId());
                Silence silence = silences.get(key);
                if (silence != null) {
                    silences.put(key, silence.expire(now));
                    log.info("silence expired: tenant={} id={}", tenant, silence.id());
                }
            }
        }
    }

    /** The due time of a not yet paged incident of the same tenant and queue, to page them together. */
    private OptionalLong openGroupDueAt(String tenant, String scope, long now) {
        try (KeyValueIterator<String, Incident> all = incidents.prefixScan(tenant + "|", KEYS)) {
            while (all.hasNext()) {
                Incident other = all.next().value;
                if (other.isFiring() && !other.wasPaged() && other.scope().equals(scope) && other.dueAt() > now) {
                    return OptionalLong.of(other.dueAt());
                }
            }
        }
        return OptionalLong.empty();
    }

    private void onTick(long now) {
        List<Incident> all = values(incidents);
        List<Silence> allSilences = values(silences);
        Map<String, List<Incident>> byTenant = all.stream().collect(Collectors.groupingBy(Incident::tenant));
        Map<String, List<Silence>> silencesByTenant = allSilences.stream().collect(Collectors.groupingBy(Silence::tenant));
        for (Incident incident : all) {
            if (IncidentPolicy.expired(incident, now, retentionMs)) {
                incidents.delete(incident.key());
                continue;
            }
            PageDecision decision = policy.decide(incident, now,
                    silencesByTenant.getOrDefault(incident.tenant(), List.of()), byTenant.get(incident.tenant()));
            if (decision.sends()) {
                Incident paged = incident.paged(now);
                incidents.put(paged.key(), paged);
                log.info("incident paged: key={} decision={} page={}", paged.key(), decision, paged.pages());
                notify(paged, NotificationAction.TRIGGER, paged.pages() - 1, now);
            } else if (decision != PageDecision.WAIT) {
                log.debug("incident due but {}: key={}", decision, incident.key());
            }
        }
        for (Silence silence : allSilences) {
            if (now - silence.endsAt() > retentionMs) {
                silences.delete(Silence.key(silence.tenant(), silence.id()));
            }
        }
    }

    private void notify(Incident incident, NotificationAction action, int sequence, long now) {
        Set<String> channels = routes.channels(incident.tenant(), incident.rule());
        if (channels.isEmpty()) {
            log.warn("no route for tenant={} rule={}: {} of {} not delivered (chatpulse.alerting.routes)",
                    incident.tenant(), incident.rule(), action, incident.key());
        }
        for (String channel : channels) {
            AlertNotification notification = Notifications.of(incident, channel, action, sequence, now);
            context.forward(new Record<>(incident.dedupKey() + "|" + channel, notification, now));
        }
    }

    private static <V> List<V> values(KeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }
}
