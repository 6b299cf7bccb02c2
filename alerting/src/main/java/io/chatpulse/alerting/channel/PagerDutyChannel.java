package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.NotificationAction;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty Events API v2: trigger, acknowledge and resolve under one dedup_key per incident
 * (tenant/rule/scope), so a repeated or redelivered trigger never opens a second PagerDuty incident.
 */
public final class PagerDutyChannel extends JsonChannel {

    private static final int MAX_SUMMARY = 1024; // PagerDuty's limit

    private final String routingKey;
    private final String source;

    public PagerDutyChannel(URI url, String routingKey, String source, JsonPoster poster) {
        super(url, poster);
        this.routingKey = routingKey;
        this.source = source;
    }

    @Override
    Map<String, Object> body(AlertNotification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", routingKey);
        body.put("event_action", n.getAction().name().toLowerCase());
        body.put("dedup_key", n.getDedupKey());
        if (n.getAction() != NotificationAction.TRIGGER) {
            return body; // acknowledge and resolve carry no payload in Events v2
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tenant", n.getTenantId());
        details.put("rule", n.getRule());
        details.put("scope", n.getScope());
        details.put("value", n.getValue());
        details.put("threshold", n.getThreshold());
        details.put("started_at", Instant.ofEpochMilli(n.getStartedAt()).toString());
        details.put("repeat", n.getSequence());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", abbreviate(n.getTenantId() + " " + n.getRule() + " " + n.getScope() + ": " + n.getSummary()));
        payload.put("source", source);
        payload.put("severity", severity(n.getRule()));
        payload.put("timestamp", Instant.ofEpochMilli(n.getCreatedAt()).toString());
        payload.put("custom_details", details);
        body.put("payload", payload);
        if (n.getDashboardUrl() != null) {
            body.put("links", List.of(Map.of("href", n.getDashboardUrl(), "text", "Dashboard")));
        }
        return body;
    }

    /**
     * Waiting customers and a stalled pipeline need someone now; the spikes and drops, and the forecast
     * that customers will wait (queue_wait_forecast), can wait for a look.
     */
    static String severity(String rule) {
        return rule.equals("queue_wait") || rule.equals("pipeline_stalled") ? "critical" : "warning";
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 3) + "...";
    }
}
