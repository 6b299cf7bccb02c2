package io.chatpulse.chatcore.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.chatcore.limits.LimitsProperties.TenantOverride;
import io.chatpulse.limits.RequestRate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** chat-core's rates per tenant; the buckets themselves are tenant-limits' TenantRateLimiterTest. */
class LimitsPropertiesTest {

    @Test
    void aTenantNamingOnlyItsRateGetsOneSecondOfBurstAndOneNamingOnlyItsBurstKeepsTheDefaultRate() {
        LimitsProperties properties = new LimitsProperties(null, null, Map.of(
                "acme", new TenantOverride(50L, null), "bulk", new TenantOverride(null, 5000L)));

        assertThat(properties.rateOf("demo")).isEqualTo(new RequestRate(2000, 4000));
        assertThat(properties.rateOf("acme")).isEqualTo(new RequestRate(50, 50));
        assertThat(properties.rateOf("bulk")).isEqualTo(new RequestRate(2000, 5000));
    }

    @Test
    void aNegativeRateOrAnEmptyBucketIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new LimitsProperties(-1L, null, Map.of()))
                .hasMessageContaining("chatpulse.limits.requests-per-second");
        assertThatThrownBy(() -> new LimitsProperties(10L, null, Map.of("acme", new TenantOverride(null, 0L))))
                .hasMessageContaining("chatpulse.limits.tenants.acme.burst");
    }
}
