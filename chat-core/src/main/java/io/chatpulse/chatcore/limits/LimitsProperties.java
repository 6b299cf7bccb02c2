package io.chatpulse.chatcore.limits;

import io.chatpulse.limits.RequestRate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a second each tenant may make to this instance: a token bucket of
 * {@code burst} requests refilled at {@code requests-per-second}. The top-level values hold for
 * every tenant; {@code tenants.<tenant>} overrides them for one. A tenant that names only its rate
 * gets a burst of one second's worth. A rate of 0 turns the limit off (benchmarks measuring the
 * service's own capacity).
 *
 * @param requestsPerSecond every tenant's rate unless overridden (2000: the simulator of the
 *     embedded demo drives tenant demo at a few hundred a second at most, the fault tests' customers
 *     at up to about a thousand; chat-core's own capacity is about 7,000 on two cores)
 * @param burst every tenant's bucket size (default: two seconds' worth)
 * @param tenants per-tenant overrides, e.g. {@code chatpulse.limits.tenants.acme.requests-per-second=50}
 */
@ConfigurationProperties("chatpulse.limits")
public record LimitsProperties(Long requestsPerSecond, Long burst, Map<String, TenantOverride> tenants) {

    /** One tenant's rate and bucket size; either may be left out. */
    public record TenantOverride(Long requestsPerSecond, Long burst) {
    }

    public LimitsProperties {
        requestsPerSecond = requestsPerSecond == null ? 2000 : requestsPerSecond;
        burst = burst == null ? Math.max(1, 2 * requestsPerSecond) : burst;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        RequestRate.check("chatpulse.limits", requestsPerSecond, burst);
        tenants.forEach((tenant, limit) -> RequestRate.check("chatpulse.limits.tenants." + tenant,
                limit.requestsPerSecond(), limit.burst()));
    }

    /** The rate the tenant is held to. */
    public RequestRate rateOf(String tenant) {
        TenantOverride own = tenants.get(tenant);
        return own == null ? new RequestRate(requestsPerSecond, burst)
                : RequestRate.of(requestsPerSecond, burst, own.requestsPerSecond(), own.burst());
    }
}
