package io.chatpulse.alerting.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chatpulse.alerting.delivery.*}: retries of a failed delivery (429, 5xx, connection errors)
 * with exponential backoff; other 4xx are never retried. A page of an incident that still fires
 * is retried past {@code maxAttempts} (requeued), at {@code maxBackoff}, until delivered.
 */
public record DeliverySettings(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("60s") Duration maxBackoff,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("7d") Duration attemptRetention) {

    /** The wait after failed attempt {@code attempt} (1-based): initial x multiplier^(attempt-1), capped. */
    public Duration backoff(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
