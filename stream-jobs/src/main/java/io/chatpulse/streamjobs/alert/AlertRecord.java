package io.chatpulse.streamjobs.alert;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One alert state change as the stream jobs produce it: an {@link AlertEvent} on the alerts topic
 * and a row of {@code alert_history}. Times are epoch milliseconds (event time).
 *
 * @param replay true when the change happened further behind the processing clock than the replay
 *               bound: computed over history, stored, never paged
 */
public record AlertRecord(
        String tenantId,
        String rule,
        String scope,
        AlertChange.Kind state,
        long eventTime,
        long startedAt,
        double value,
        double threshold,
        String summary,
        String dashboardUrl,
        boolean replay) {

    /** The Kafka key: the alerting module's key of an incident. */
    public String key() {
        return tenantId + "|" + rule + "|" + scope;
    }

    /** Derived from what changed and when, so the same change computed again has the same id. */
    public String eventId() {
        return UUID.nameUUIDFromBytes((key() + "|" + state + "|" + eventTime).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * This firing, computed over history, as a live change at {@code at}: the same incident (key and
     * start), a new event id, and paged.
     */
    public AlertRecord stillFiringAt(long at) {
        return new AlertRecord(tenantId, rule, scope, state, at, startedAt, value, threshold,
                summary + " (still firing when the monitor caught up with its backlog)", dashboardUrl, false);
    }

    public AlertEvent toEvent() {
        return AlertEvent.newBuilder()
                .setEventId(eventId())
                .setTenantId(tenantId)
                .setRule(rule)
                .setScope(scope)
                .setState(state == AlertChange.Kind.FIRING ? AlertState.FIRING : AlertState.RESOLVED)
                .setEventTime(eventTime)
                .setStartedAt(startedAt)
                .setValue(value)
                .setThreshold(threshold)
                .setSummary(summary)
                .setDashboardUrl(dashboardUrl)
                .setReplay(replay)
                .build();
    }
}
