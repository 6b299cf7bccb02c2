package io.chatpulse.metrics.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code chatpulse.summary.max-period}: the longest period one summary request may cover. */
@ConfigurationProperties("chatpulse.summary")
public record SummaryProperties(Duration maxPeriod) {

    public SummaryProperties {
        maxPeriod = maxPeriod == null ? Duration.ofDays(400) : maxPeriod;
    }
}
