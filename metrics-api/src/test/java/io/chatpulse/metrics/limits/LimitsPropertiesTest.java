package io.chatpulse.metrics.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.limits.RequestRate;
import io.chatpulse.metrics.limits.LimitsProperties.TenantOverride;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics-api's limits per tenant and the problem a refusal becomes; the buckets are tenant-limits' TenantRateLimiterTest. */
class LimitsPropertiesTest {

    @Test
    void aRefusedRequestNamesTheLimitItsSettingsAndTheWaitInWholeSeconds() {
        LimitExceededException refused = LimitExceededException.rate("noisy", new RequestRate(4, 2), Duration.ofMillis(250));

        assertThat(refused.limit()).isEqualTo("requests-per-second");
        assertThat(refused.values()).containsEntry("requestsPerSecond", 4L).containsEntry("burst", 2L);
        assertThat(refused.retryAfterSeconds()).as("250 ms, rounded up to whole seconds").isEqualTo(1);
    }

    @Test
    void defaultsFitTheEmbeddedStackAndATenantMayOverrideEachLimit() {
        LimitsProperties defaults = new LimitsProperties(null, null, null, null, Map.of(
                "acme", new TenantOverride(20L, null, 1)));

        assertThat(defaults.rateOf("demo")).isEqualTo(new RequestRate(500, 1000));
        assertThat(defaults.concurrentExportsOf("demo")).isEqualTo(2);
        assertThat(defaults.rateOf("acme")).isEqualTo(new RequestRate(20, 20));
        assertThat(defaults.concurrentExportsOf("acme")).isEqualTo(1);
        assertThat(defaults.exportRetryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void noExportSlotIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new LimitsProperties(null, null, 0, null, Map.of()))
                .hasMessageContaining("chatpulse.limits.concurrent-exports");
    }
}
