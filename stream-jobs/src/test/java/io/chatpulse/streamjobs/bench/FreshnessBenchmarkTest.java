package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreshnessBenchmarkTest {

    @Test
    void schedulesEventsEvenlyFromTheStartWithoutDrift() {
        assertThat(FreshnessBenchmark.dueAtNanos(5_000, 0, 1_000)).isEqualTo(5_000);
        assertThat(FreshnessBenchmark.dueAtNanos(5_000, 1, 1_000)).isEqualTo(5_000 + 1_000_000);
        assertThat(FreshnessBenchmark.dueAtNanos(0, 1_000, 1_000)).isEqualTo(1_000_000_000L);
        // A rate that does not divide a second: the n-th event is still due at n / rate seconds.
        assertThat(FreshnessBenchmark.dueAtNanos(0, 3, 3)).isEqualTo(1_000_000_000L);
        assertThat(FreshnessBenchmark.dueAtNanos(0, 80_000, 1_000)).isEqualTo(80_000_000_000L);
    }
}
