package io.chatpulse.metrics.catalogue;

import io.chatpulse.metrics.tenantdoc.TenantDocumentSettings;
import io.chatpulse.topiccatalogue.CatalogueLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chatpulse.topic-catalogue.*}: where the catalogue topic is, how long a read or a write may
 * take before the API answers 503, the transactional id every instance writes under (one id, so a
 * write fences any other instance's write still between its read and its commit: decision 38), and
 * the limits of a tenant's catalogue (defaults: {@link CatalogueLimits#DEFAULTS}).
 */
@ConfigurationProperties("chatpulse.topic-catalogue")
public record CatalogueProperties(String bootstrapServers, Duration timeout, String transactionalId,
                                  Integer maxTopics, Integer maxPhrases, Integer maxLength) {

    public CatalogueProperties {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        transactionalId = transactionalId == null ? "chatpulse-topic-catalogue-writer" : transactionalId;
        maxTopics = maxTopics == null ? CatalogueLimits.DEFAULTS.maxTopics() : maxTopics;
        maxPhrases = maxPhrases == null ? CatalogueLimits.DEFAULTS.maxPhrases() : maxPhrases;
        maxLength = maxLength == null ? CatalogueLimits.DEFAULTS.maxLength() : maxLength;
        new CatalogueLimits(maxTopics, maxPhrases, maxLength); // refuses a limit under 1 at start
    }

    public TenantDocumentSettings settings() {
        return new TenantDocumentSettings(bootstrapServers, timeout, transactionalId);
    }

    public CatalogueLimits limits() {
        return new CatalogueLimits(maxTopics, maxPhrases, maxLength);
    }
}
