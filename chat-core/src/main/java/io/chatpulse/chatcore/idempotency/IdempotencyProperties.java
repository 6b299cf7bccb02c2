package io.chatpulse.chatcore.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many answers to Idempotency-Key requests are remembered, and for how long. */
@ConfigurationProperties("chatpulse.idempotency")
public record IdempotencyProperties(Integer maxEntries, Duration retention) {
    public IdempotencyProperties {
        maxEntries = maxEntries == null ? 100_000 : maxEntries;
        retention = retention == null ? Duration.ofHours(24) : retention;
    }
}
