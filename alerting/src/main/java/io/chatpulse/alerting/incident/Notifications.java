package io.chatpulse.alerting.incident;

import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.NotificationAction;

/** Builds the notification of one incident for one channel. */
final class Notifications {

    private Notifications() {
    }

    /**
     * The id is derived from the incident, action, sequence and channel, so a decision replayed after
     * a crash yields the same id (and the same dedup key) rather than a new page.
     */
    static AlertNotification of(Incident incident, String channel, NotificationAction action, int sequence, long now) {
        return AlertNotification.newBuilder()
                .setNotificationId(incident.dedupKey() + "@" + incident.startedAt() + "/" + action + "/" + sequence + "/" + channel)
                .setTenantId(incident.tenant())
                .setRule(incident.rule())
                .setScope(incident.scope())
                .setDedupKey(incident.dedupKey())
                .setChannel(channel)
                .setAction(action)
                .setSequence(sequence)
                .setStartedAt(incident.startedAt())
                .setCreatedAt(now)
                .setValue(incident.value())
                .setThreshold(incident.threshold())
                .setSummary(incident.summary())
                .setDashboardUrl(incident.dashboardUrl())
                .build();
    }
}
