package io.chatpulse.chatcore.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reassignAfter hand a conversation to another agent when its agent has not answered the
 *     customer for this long; null (the default) turns auto-reassign off
 * @param reassignCheckInterval how often overdue conversations are looked for
 */
@ConfigurationProperties("chatpulse.routing")
public record RoutingProperties(Duration reassignAfter, Duration reassignCheckInterval) {
    public RoutingProperties {
        reassignCheckInterval = reassignCheckInterval == null ? Duration.ofSeconds(5) : reassignCheckInterval;
    }
}
