package io.chatpulse.chatcore.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a request waits for Kafka to acknowledge its events, what a client is told to wait
 * before retrying when Kafka did not, and the transactional.id prefix of this instance.
 *
 * @param transactionIdPrefix must differ between instances running at the same time and stay
 *     the same across restarts of one instance, so a restarted instance fences (aborts) the
 *     transactions its previous life left open
 * @param recoveryTimeout longest start-up may spend reading the event log back
 */
@ConfigurationProperties("chatpulse.events")
public record EventsProperties(Duration ackTimeout, Duration retryAfter, String transactionIdPrefix,
        Duration recoveryTimeout) {
    public EventsProperties {
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(8) : ackTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        transactionIdPrefix = transactionIdPrefix == null || transactionIdPrefix.isBlank()
                ? "chat-core-0-" : transactionIdPrefix;
        recoveryTimeout = recoveryTimeout == null ? Duration.ofMinutes(2) : recoveryTimeout;
    }
}
