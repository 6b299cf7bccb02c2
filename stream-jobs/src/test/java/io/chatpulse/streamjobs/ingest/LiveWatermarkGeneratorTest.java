package io.chatpulse.streamjobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class LiveWatermarkGeneratorTest {

    private static final long NOW = 1_790_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final Output output = new Output();
    // 500 ms out of order, idle after 1 s when caught up, 30 s when behind, 5 s before the first
    // record; caught up = within 60 s.
    private final LiveWatermarkGenerator<String> generator =
            new LiveWatermarkGenerator<>(500, 1_000, 30_000, 5_000, 60_000, clock::get);

    @Test
    void followsTheEventsWhileTheyFlow() {
        event(NOW - 100);
        emit();
        clock.addAndGet(200);
        event(NOW + 150);
        emit();

        assertThat(output.watermarks).containsExactly(NOW - 100 - 501, NOW + 150 - 501);
    }

    @Test
    void followsTheClockOnceALiveSplitHasBeenSilentForTheLiveIdleness() {
        event(NOW);
        clock.addAndGet(999);
        emit();
        assertThat(output.last()).isEqualTo(NOW - 501);

        clock.addAndGet(1);
        emit();
        assertThat(output.last()).as("idle: now minus the bound").isEqualTo(NOW + 1_000 - 501);
        clock.addAndGet(120_000);
        emit();
        assertThat(output.last()).as("a waiting customer's timer at +120 s fires without an event")
                .isEqualTo(NOW + 121_000 - 501);
    }

    @Test
    void aReplayFollowsTheEventsAndWaitsLongerBeforeTrustingTheClock() {
        for (int i = 0; i < 10; i++) {
            event(NOW - 3 * HOUR + i * 60_000);
            clock.addAndGet(10);
            emit();
        }
        assertThat(output.last()).isEqualTo(NOW - 3 * HOUR + 9 * 60_000 - 501);

        // A fetch stalls for 5 s during the replay: the watermark must not jump to now.
        clock.addAndGet(5_000);
        emit();
        assertThat(output.last()).isEqualTo(NOW - 3 * HOUR + 9 * 60_000 - 501);

        // Silent for the backlog idleness: the history is read, now is now.
        clock.addAndGet(25_000);
        emit();
        assertThat(output.last()).isEqualTo(clock.get() - 501);
    }

    @Test
    void aSplitWithoutRecordsFollowsTheClockAfterTheStartupIdleness() {
        clock.addAndGet(4_999);
        emit();
        assertThat(output.watermarks).isEmpty();
        clock.addAndGet(1);
        emit();
        assertThat(output.last()).isEqualTo(clock.get() - 501);
    }

    @Test
    void neverMovesBackwardsAndIgnoresRecordsWithoutEventTime() {
        event(NOW);
        clock.addAndGet(2_000);
        emit();
        long idle = output.last();
        event(NOW + 100); // late against the clock-driven watermark
        emit();
        event(Long.MIN_VALUE);
        emit();

        assertThat(output.watermarks).containsExactly(idle);
    }

    private void event(long eventTime) {
        generator.onEvent("e", eventTime, output);
    }

    private void emit() {
        generator.onPeriodicEmit(output);
    }

    private static final class Output implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    }
}
