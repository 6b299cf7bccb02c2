package io.chatpulse.metrics.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.chatpulse.metrics.limits.LimitsProperties.TenantOverride;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {

    /** Time the test moves by hand: no sleeping. */
    static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final ManualTime time = new ManualTime();

    TenantRateLimiter limiter(Map<String, TenantOverride> tenants) {
        return new TenantRateLimiter(new LimitsProperties(5L, null, null, null, tenants), time);
    }

    @Test
    void overTheBurstTheTenantIsRefusedWithTheWaitForTheNextTokenAndTheOthersAreNot() {
        TenantRateLimiter limiter = limiter(Map.of("noisy", new TenantOverride(4L, 2L, null)));
        limiter.admit("noisy");
        limiter.admit("noisy");

        assertThatThrownBy(() -> limiter.admit("noisy")).asInstanceOf(type(LimitExceededException.class))
                .satisfies(e -> {
                    assertThat(e.limit()).isEqualTo("requests-per-second");
                    assertThat(e.values()).containsEntry("requestsPerSecond", 4L).containsEntry("burst", 2L);
                    assertThat(e.retryAfterSeconds()).as("250 ms, rounded up to whole seconds").isEqualTo(1);
                });
        assertThatCode(() -> IntStream.range(0, 10).forEach(i -> limiter.admit("quiet")))
                .as("quiet: the default 5 a second, burst 10").doesNotThrowAnyException();

        time.nanos += Duration.ofMillis(250).toNanos();
        assertThatCode(() -> limiter.admit("noisy")).doesNotThrowAnyException();
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
