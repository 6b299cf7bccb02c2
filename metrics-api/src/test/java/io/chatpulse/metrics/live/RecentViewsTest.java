package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentViewsTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();
    /** Background refreshes, run when the test says. */
    private final List<Runnable> refreshes = new ArrayList<>();
    private final RecentViews<String, Integer> views =
            new RecentViews<>(Duration.ofMillis(500), clock::get, refreshes::add);

    @Test
    void callersWithinTheMaxAgeShareOneComputation() {
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);
        advance(499);
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void anOlderViewIsAnsweredWhileAFreshOneIsComputedInTheBackground() {
        views.get("demo", computed::incrementAndGet);
        advance(600);

        assertThat(views.get("demo", computed::incrementAndGet)).as("no caller waits").isEqualTo(1);
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);
        assertThat(refreshes).as("one refresh at a time").hasSize(1);

        refreshes.remove(0).run();
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aViewOlderThanFiveTimesTheMaxAgeIsComputedBeforeItIsShown() {
        views.get("demo", computed::incrementAndGet);
        advance(2_500);

        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(2);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void keysAreKeptApart() {
        assertThat(views.get("demo", computed::incrementAndGet)).isEqualTo(1);
        assertThat(views.get("acme", computed::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aZeroMaxAgeSharesNothing() {
        RecentViews<String, Integer> unshared = new RecentViews<>(Duration.ZERO, clock::get, Runnable::run);
        assertThat(unshared.get("demo", computed::incrementAndGet)).isEqualTo(1);
        assertThat(unshared.get("demo", computed::incrementAndGet)).isEqualTo(2);
    }

    private void advance(long millis) {
        clock.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}
