package io.chatpulse.metrics.live;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chatpulse.live.*}: the timezone "today" is cut in for the live service level (per queue:
 * {@code queue-timezones.<tenant>.<queue>}, else {@code timezone}, default UTC), when a queue row is
 * stale (the monitor stopped writing), the wait past which the wallboard shows red, how often the
 * stream pushes, how long one stream connection lives before the browser reconnects, and how long
 * one computed view of a tenant's queues is shared by every caller (0: not shared).
 */
@ConfigurationProperties("chatpulse.live")
public record LiveProperties(String timezone, Map<String, Map<String, String>> queueTimezones, Duration staleAfter,
                             Duration oldestWaitWarning, Duration streamInterval, Duration streamTimeout,
                             Duration shareFor) {

    public LiveProperties {
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone.strip();
        queueTimezones = queueTimezones == null ? Map.of() : Map.copyOf(queueTimezones);
        staleAfter = staleAfter == null ? Duration.ofSeconds(10) : staleAfter;
        oldestWaitWarning = oldestWaitWarning == null ? Duration.ofMinutes(2) : oldestWaitWarning;
        streamInterval = streamInterval == null ? Duration.ofSeconds(1) : streamInterval;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        shareFor = shareFor == null ? Duration.ofMillis(500) : shareFor;
        // Fail at start-up, not on the first request, on a timezone that is not IANA.
        java.time.ZoneId.of(timezone);
        queueTimezones.values().forEach(queues -> queues.values().forEach(java.time.ZoneId::of));
    }

    /** A tenant's configured queues: those given a timezone (the wallboard shows them even when idle). */
    java.util.Set<String> configuredQueues(String tenant) {
        return queueTimezones.getOrDefault(tenant, Map.of()).keySet();
    }

    /** The configured timezone of a tenant's queue, or the default. */
    String timezoneOf(String tenant, String queue) {
        Map<String, String> queues = queueTimezones.getOrDefault(tenant, Map.of());
        return queues.getOrDefault(queue, timezone);
    }
}
