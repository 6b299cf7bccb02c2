package io.chatpulse.alerting.alert;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;

/** Test alerts. */
final class Alerts {

    private Alerts() {
    }

    static AlertEvent alert(String eventId, String tenant, String scope, AlertState state, double value) {
        return AlertEvent.newBuilder()
                .setEventId(eventId)
                .setTenantId(tenant)
                .setRule("queue_wait")
                .setScope(scope)
                .setState(state)
                .setEventTime(1_767_225_600_000L)
                .setStartedAt(1_767_225_590_000L)
                .setValue(value)
                .setThreshold(120.0)
                .setSummary("oldest wait " + value + " s in " + scope)
                .setReplay(false)
                .build();
    }

    static String key(AlertEvent alert) {
        return alert.getTenantId() + "|" + alert.getRule() + "|" + alert.getScope();
    }
}
