package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static LiveRepository.QueueRow row(long asOfAgoMs, long length, long storedWaitMs, Long queuedAgoMs) {
        return new LiveRepository.QueueRow("q", NOW.toEpochMilli() - asOfAgoMs, length, storedWaitMs,
                queuedAgoMs == null ? null : NOW.toEpochMilli() - queuedAgoMs, 1, 1, 0, null);
    }

    @Test
    void oldestWaitGrowsFromQueuedAtUntilNow() {
        // Row written 800 ms ago saying 149.2 s; queued 150 s ago: 150 s now.
        assertThat(LiveService.oldestWaitMs(row(800, 2, 149_200, 150_000L), NOW, false)).isEqualTo(150_000);
    }

    @Test
    void neverLessThanStoredWhenTheMonitorsClockIsAhead() {
        assertThat(LiveService.oldestWaitMs(row(-500, 1, 30_500, 30_000L), NOW, false)).isEqualTo(30_500);
    }

    @Test
    void aStaleRowKeepsItsStoredFigure() {
        assertThat(LiveService.oldestWaitMs(row(60_000, 1, 90_000, 150_000L), NOW, true)).isEqualTo(90_000);
    }

    @Test
    void nobodyWaitingIsZero() {
        assertThat(LiveService.oldestWaitMs(row(500, 0, 0, null), NOW, false)).isZero();
    }
}
