package io.chatpulse.chatcore.queue;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * chatpulse.tenants.&lt;tenant&gt;.queues.&lt;queueId&gt;.{name, skills, timezone, business-hours.&lt;day&gt;,
 * service-level-seconds}. Everything is optional; see {@link QueueSettings#defaults(String)}.
 */
@ConfigurationProperties("chatpulse")
public record QueueProperties(Map<String, Tenant> tenants) {

    public QueueProperties {
        tenants = tenants == null ? Map.of() : tenants;
    }

    public record Tenant(Map<String, Queue> queues) {
        public Tenant {
            queues = queues == null ? Map.of() : queues;
        }
    }

    public record Queue(String name, List<String> skills, String timezone, Map<String, String> businessHours,
            Integer serviceLevelSeconds) {
    }
}
