package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A generic JSON webhook: one flat object per notification, the dedup key stable per incident. */
public final class WebhookChannel extends JsonChannel {

    public WebhookChannel(URI url, JsonPoster poster) {
        super(url, poster);
    }

    @Override
    Map<String, Object> body(AlertNotification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1");
        body.put("notificationId", n.getNotificationId());
        body.put("dedupKey", n.getDedupKey());
        body.put("action", n.getAction().name().toLowerCase());
        body.put("status", Texts.status(n).toLowerCase());
        body.put("tenant", n.getTenantId());
        body.put("rule", n.getRule());
        body.put("scope", n.getScope());
        body.put("summary", n.getSummary());
        body.put("value", n.getValue());
        body.put("threshold", n.getThreshold());
        body.put("startedAt", Instant.ofEpochMilli(n.getStartedAt()).toString());
        body.put("sequence", n.getSequence());
        body.put("dashboardUrl", n.getDashboardUrl());
        return body;
    }
}
