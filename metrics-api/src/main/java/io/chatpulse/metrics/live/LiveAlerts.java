package io.chatpulse.metrics.live;

import java.util.List;

/** GET /api/v1/live/alerts: the tenant's open alerts, oldest incident first. */
public record LiveAlerts(String asOf, List<OpenAlert> alerts) {
}
