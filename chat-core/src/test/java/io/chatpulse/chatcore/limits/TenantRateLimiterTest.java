package io.chatpulse.chatcore.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.chatcore.limits.LimitsProperties.TenantOverride;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {

    /** Time the test moves by hand: no sleeping, no flakiness. */
    static final class ManualTime implements TimeMeter {
        long nanos;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

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

    TenantRateLimiter limiter(long defaultRate, Map<String, TenantOverride> tenants) {
        return new TenantRateLimiter(new LimitsProperties(defaultRate, null, tenants), time);
    }

    @Test
    void aTenantGetsItsBurstAtOnceThenIsRefusedWithTheWaitForTheNextToken() {
        TenantRateLimiter limiter = limiter(1000, Map.of("acme", new TenantOverride(10L, 20L)));

        assertThat(IntStream.range(0, 20).mapToObj(i -> limiter.admit("acme")))
                .allMatch(TenantRateLimiter.Admission::admitted);
        TenantRateLimiter.Admission refused = limiter.admit("acme");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(refused.rate()).isEqualTo(new RequestRate(10, 20));
    }

    @Test
    void tokensComeBackContinuouslyAtTheRate() {
        TenantRateLimiter limiter = limiter(1000, Map.of("acme", new TenantOverride(10L, 1L)));
        assertThat(limiter.admit("acme").admitted()).isTrue();
        assertThat(limiter.admit("acme").admitted()).isFalse();

        time.advance(Duration.ofMillis(99));
        assertThat(limiter.admit("acme").admitted()).isFalse();
        time.advance(Duration.ofMillis(1));
        assertThat(limiter.admit("acme").admitted()).isTrue();
    }

    @Test
    void oneTenantEmptyingItsBucketLeavesTheOthersFull() {
        TenantRateLimiter limiter = limiter(5, Map.of("noisy", new TenantOverride(1L, 1L)));
        IntStream.range(0, 100).forEach(i -> limiter.admit("noisy"));

        assertThat(IntStream.range(0, 10).mapToObj(i -> limiter.admit("quiet")))
                .as("quiet's default bucket: 5 a second, burst 10").allMatch(TenantRateLimiter.Admission::admitted);
        assertThat(limiter.admit("quiet").admitted()).isFalse();
    }

    @Test
    void rateZeroIsNoLimit() {
        TenantRateLimiter limiter = limiter(0, Map.of());

        assertThat(IntStream.range(0, 100_000).mapToObj(i -> limiter.admit("bench")))
                .allMatch(TenantRateLimiter.Admission::admitted);
    }

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
