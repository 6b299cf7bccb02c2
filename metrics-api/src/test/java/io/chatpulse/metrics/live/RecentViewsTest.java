package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentViewsTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();
    private final RecentViews<String, Integer> views = new RecentViews<>(Duration.ofMillis(500), clock::get);

    @Test
    void callersWithinTheMaxAgeShareOneComputation() {
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);
        clock.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);

        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(views.get("demo", computed::incrementAndGet)).as("half a second old: computed again").isEqualTo(2);
    }

    @Test
    void keysAreKeptApart() {
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);
        assertThat(views.get("acme", computed::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aZeroMaxAgeSharesNothing() {
        RecentViews<String, Integer> unshared = new RecentViews<>(Duration.ZERO, clock::get);
        assertThat(unshared.get("demo", computed::incrementAndGet)).isEqualTo(1);
        assertThat(unshared.get("demo", computed::incrementAndGet)).isEqualTo(2);
    }
}
