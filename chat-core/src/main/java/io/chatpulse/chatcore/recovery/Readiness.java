package io.chatpulse.chatcore.recovery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the state has been rebuilt from the event log. Until then the API answers 503 and
 * /actuator/health is OUT_OF_SERVICE, so nobody acts on a half-rebuilt state.
 */
@Component("stateRecoveryHealth")
public class Readiness implements HealthIndicator {

    private volatile boolean ready;

    public boolean isReady() {
        return ready;
    }

    void ready() {
        ready = true;
    }

    @Override
    public Health health() {
        return ready ? Health.up().build() : Health.outOfService().withDetail("recovery", "replaying events").build();
    }
}
