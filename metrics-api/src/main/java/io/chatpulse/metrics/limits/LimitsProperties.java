package io.chatpulse.metrics.limits;

import io.chatpulse.limits.RequestRate;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one tenant may ask of this instance: requests a second (a token bucket of {@code burst},
 * refilled at {@code requests-per-second}) and exports streaming at once. The top-level values hold
 * for every tenant; {@code tenants.<tenant>} overrides any of them for one. A tenant that names only
 * its rate gets a burst of one second's worth. A rate of 0 turns the rate limit off.
 *
 * @param requestsPerSecond every tenant's rate (500: the live benchmark polls at 200 a second, a
 *     wallboard once a second)
 * @param burst every tenant's bucket size (default: two seconds' worth)
 * @param concurrentExports exports of one tenant streaming at the same time (2: each holds a
 *     ClickHouse connection of the pool of 8 for as long as it streams)
 * @param exportRetryAfter the Retry-After of a refused export: an export's length is not known, so
 *     this is a hint, not a promise
 * @param tenants per-tenant overrides, e.g. {@code chatpulse.limits.tenants.acme.concurrent-exports=1}
 */
@ConfigurationProperties("chatpulse.limits")
public record LimitsProperties(Long requestsPerSecond, Long burst, Integer concurrentExports,
                               Duration exportRetryAfter, Map<String, TenantOverride> tenants) {

    /** One tenant's own limits; any may be left out. */
    public record TenantOverride(Long requestsPerSecond, Long burst, Integer concurrentExports) {
    }

    public LimitsProperties {
        requestsPerSecond = requestsPerSecond == null ? 500 : requestsPerSecond;
        burst = burst == null ? Math.max(1, 2 * requestsPerSecond) : burst;
        concurrentExports = concurrentExports == null ? 2 : concurrentExports;
        exportRetryAfter = exportRetryAfter == null ? Duration.ofSeconds(5) : exportRetryAfter;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        check("chatpulse.limits", requestsPerSecond, burst, concurrentExports);
        tenants.forEach((tenant, own) -> check("chatpulse.limits.tenants." + tenant,
                own.requestsPerSecond(), own.burst(), own.concurrentExports()));
    }

    /** The request rate the tenant is held to. */
    public RequestRate rateOf(String tenant) {
        TenantOverride own = tenants.get(tenant);
        return own == null ? new RequestRate(requestsPerSecond, burst)
                : RequestRate.of(requestsPerSecond, burst, own.requestsPerSecond(), own.burst());
    }

    public int concurrentExportsOf(String tenant) {
        TenantOverride own = tenants.get(tenant);
        return own == null || own.concurrentExports() == null ? concurrentExports : own.concurrentExports();
    }

    private static void check(String prefix, Long rate, Long size, Integer exports) {
        RequestRate.check(prefix, rate, size);
        if (exports != null && exports < 1) {
            throw new IllegalArgumentException(prefix + ".concurrent-exports must be at least 1, got " + exports);
        }
    }
}
