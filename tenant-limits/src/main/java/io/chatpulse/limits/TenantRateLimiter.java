package io.chatpulse.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One token bucket per tenant (Bucket4j, in memory: each instance limits what it serves). Only
 * tenants of a known API key get here, so the map is as small as the key list. Each service says
 * how its answer to a refusal looks; the arithmetic of the buckets is this one.
 */
public class TenantRateLimiter {

    /** Whether a request may go on; if not, how long until a token is back and the rate it broke. */
    public record Admission(boolean admitted, Duration retryAfter, RequestRate rate) {
    }

    private final Function<String, RequestRate> rates;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param rates each tenant's rate (a service's configuration) */
    public TenantRateLimiter(Function<String, RequestRate> rates) {
        this(rates, TimeMeter.SYSTEM_NANOTIME);
    }

    TenantRateLimiter(Function<String, RequestRate> rates, TimeMeter time) {
        this.rates = rates;
        this.time = time;
    }

    public Admission admit(String tenant) {
        RequestRate rate = rates.apply(tenant);
        if (rate.unlimited()) {
            return new Admission(true, Duration.ZERO, rate);
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(tenant, t -> bucket(rate)).tryConsumeAndReturnRemaining(1);
        return new Admission(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()), rate);
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
