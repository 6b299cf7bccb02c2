package io.chatpulse.alerting.route;

import java.time.Duration;
import java.util.List;

/**
 * Sends the alerts of one tenant's rules to channels. An empty {@code rules} matches every rule;
 * {@code groupWait} and {@code repeatInterval}, when set, override the defaults for these alerts.
 */
public record NotificationRoute(String tenant, List<String> rules, List<String> channels,
        Duration groupWait, Duration repeatInterval) {

    public NotificationRoute {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("chatpulse.alerting.routes[].tenant is required");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public boolean matches(String tenant, String rule) {
        return this.tenant.equals(tenant) && (rules.isEmpty() || rules.contains(rule));
    }
}
