package io.chatpulse.limits;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** A default rate for every tenant and the named tenants' own. */
    TenantRateLimiter limiter(RequestRate everyone, Map<String, RequestRate> tenants) {
        return new TenantRateLimiter(tenant -> tenants.getOrDefault(tenant, everyone), time);
    }

    @Test
    void aTenantGetsItsBurstAtOnceThenIsRefusedWithTheWaitForTheNextToken() {
        TenantRateLimiter limiter = limiter(new RequestRate(1000, 2000), Map.of("acme", new RequestRate(10, 20)));

        assertThat(IntStream.range(0, 20).mapToObj(i -> limiter.admit("acme")))
                .allMatch(TenantRateLimiter.Admission::admitted);
        TenantRateLimiter.Admission refused = limiter.admit("acme");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(refused.rate()).isEqualTo(new RequestRate(10, 20));
    }

    @Test
    void tokensComeBackContinuouslyAtTheRate() {
        TenantRateLimiter limiter = limiter(new RequestRate(1000, 2000), Map.of("acme", new RequestRate(10, 1)));
        assertThat(limiter.admit("acme").admitted()).isTrue();
        assertThat(limiter.admit("acme").admitted()).isFalse();

        time.advance(Duration.ofMillis(99));
        assertThat(limiter.admit("acme").admitted()).isFalse();
        time.advance(Duration.ofMillis(1));
        assertThat(limiter.admit("acme").admitted()).isTrue();
    }

    @Test
    void oneTenantEmptyingItsBucketLeavesTheOthersFull() {
        TenantRateLimiter limiter = limiter(new RequestRate(5, 10), Map.of("noisy", new RequestRate(1, 1)));
        IntStream.range(0, 100).forEach(i -> limiter.admit("noisy"));

        assertThat(IntStream.range(0, 10).mapToObj(i -> limiter.admit("quiet")))
                .as("quiet's default bucket: 5 a second, burst 10").allMatch(TenantRateLimiter.Admission::admitted);
        assertThat(limiter.admit("quiet").admitted()).isFalse();
    }

    @Test
    void rateZeroIsNoLimit() {
        TenantRateLimiter limiter = limiter(new RequestRate(0, 0), Map.of());

        assertThat(IntStream.range(0, 100_000).mapToObj(i -> limiter.admit("bench")))
                .allMatch(TenantRateLimiter.Admission::admitted);
    }
}
