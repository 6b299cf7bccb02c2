package io.chatpulse.metrics.scorecard;

import io.chatpulse.metrics.tenantdoc.TenantDocumentSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chatpulse.qa-scorecard.*}: where the scorecard topic is, how long a read or a write may take
 * before the API answers 503, and the transactional id every instance writes scorecards under (its
 * own, so that a scorecard change never fences a catalogue change: decision 38's fencing is per
 * document).
 */
@ConfigurationProperties("chatpulse.qa-scorecard")
public record ScorecardProperties(String bootstrapServers, Duration timeout, String transactionalId) {

    public ScorecardProperties {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        transactionalId = transactionalId == null ? "chatpulse-qa-scorecard-writer" : transactionalId;
    }

    public TenantDocumentSettings settings() {
        return new TenantDocumentSettings(bootstrapServers, timeout, transactionalId);
    }
}
