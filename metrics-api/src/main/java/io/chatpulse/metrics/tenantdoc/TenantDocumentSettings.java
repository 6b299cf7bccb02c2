package io.chatpulse.metrics.tenantdoc;

import java.time.Duration;

/**
 * Where a document's topic is, how long a read or a write may take before the API answers 503, and
 * the transactional id every instance writes under (one id per document, so a write fences any
 * other instance's write of it still between its read and its commit: decision 38).
 */
public record TenantDocumentSettings(String bootstrapServers, Duration timeout, String transactionalId) {
}
