package io.chatpulse.chatcore.queue;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The configured queues per tenant, checked once at start-up so a typo fails fast. */
@Component
public class QueueCatalog {

    private final Map<String, Map<String, QueueSettings>> byTenant = new HashMap<>();

    public QueueCatalog(QueueProperties properties) {
        properties.tenants().forEach((tenant, config) -> {
            Map<String, QueueSettings> queues = new HashMap<>();
            config.queues().forEach((id, queue) -> queues.put(id, settings(tenant, id, queue)));
            byTenant.put(tenant, Map.copyOf(queues));
        });
    }

    public QueueSettings of(String tenantId, String queueId) {
        QueueSettings configured = byTenant.getOrDefault(tenantId, Map.of()).get(queueId);
        return configured != null ? configured : QueueSettings.defaults(queueId);
    }

    public Collection<QueueSettings> configured(String tenantId) {
        return byTenant.getOrDefault(tenantId, Map.of()).values();
    }

    public Collection<String> skillsOf(String tenantId, String queueId) {
        return of(tenantId, queueId).skills();
    }

    private static QueueSettings settings(String tenant, String id, QueueProperties.Queue queue) {
        try {
            int serviceLevel = queue.serviceLevelSeconds() == null
                    ? QueueSettings.DEFAULT_SERVICE_LEVEL_SECONDS : queue.serviceLevelSeconds();
            if (serviceLevel < 1) {
                throw new IllegalArgumentException("service-level-seconds must be at least 1");
            }
            return new QueueSettings(id, queue.name() == null ? id : queue.name(), true,
                    queue.skills() == null ? List.of() : List.copyOf(queue.skills()),
                    ZoneId.of(queue.timezone() == null ? "UTC" : queue.timezone()),
                    BusinessHours.parse(queue.businessHours()), serviceLevel);
        } catch (RuntimeException e) {
            throw new IllegalStateException("chatpulse.tenants." + tenant + ".queues." + id + ": " + e.getMessage(), e);
        }
    }
}
