package io.chatpulse.metrics.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One token bucket per tenant (Bucket4j, in memory: each instance limits what it serves). Only
 * tenants of a known API key get here, so the map is as small as the key list.
 */
@Component
public class TenantRateLimiter {

    private final LimitsProperties properties;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public TenantRateLimiter(LimitsProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    TenantRateLimiter(LimitsProperties properties, TimeMeter time) {
        this.properties = properties;
        this.time = time;
    }

    /** Takes a token of the tenant's bucket, or says how long until one is back. */
    public void admit(String tenant) {
        RequestRate rate = properties.rateOf(tenant);
        if (rate.unlimited()) {
            return;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(tenant, t -> bucket(rate)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw LimitExceededException.rate(tenant, rate, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(RequestRate rate) {
        // Greedy refill: tokens come back continuously, not once a second, so a steady client at
        // its rate is never refused for arriving a little early.
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.burst()).refillGreedy(rate.requestsPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }
}
