package io.chatpulse.streamjobs.ingest;

import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Watermarks that follow the events while they flow and follow the clock while none come.
 *
 * <p>While records arrive the watermark is the newest event time minus the out-of-orderness bound,
 * as with bounded out-of-orderness: a replay of history moves it exactly as fast as the events do,
 * so every timer fires at the same point of the event stream as it would have live. When the split
 * has been silent for a while, the watermark moves on with the processing clock (now minus the
 * bound): nothing happening is itself news (a customer keeps waiting), and event-time timers such
 * as "this conversation has waited 120 s" must fire without the next event.
 *
 * <p>How long "a while" is depends on how far behind the split is. Caught up (its newest event is
 * within {@code catchUpBound} of the clock), a short {@code liveIdleness} is enough. Behind (reading
 * history), only a long {@code backlogIdleness}: a fetch that stalls for a moment during a replay
 * must not jump the watermark to now, which would make the rest of the history late. Before its
 * first record, {@code startupIdleness}: long enough for the first fetch of a partition with a
 * backlog, short enough that an empty partition (agent events are rare) does not hold every timer
 * back for long after a start. Never moves backwards.
 */
public final class LiveWatermarkGenerator<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMs;
    private final long liveIdlenessMs;
    private final long backlogIdlenessMs;
    private final long startupIdlenessMs;
    private final long catchUpBoundMs;
    private final LongSupplier clock;

    private long maxEventTime = Long.MIN_VALUE;
    private long lastRecordAt;
    private long emitted = Long.MIN_VALUE;

    public LiveWatermarkGenerator(long outOfOrdernessMs, long liveIdlenessMs, long backlogIdlenessMs,
                                  long startupIdlenessMs, long catchUpBoundMs, LongSupplier clock) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.liveIdlenessMs = liveIdlenessMs;
        this.backlogIdlenessMs = backlogIdlenessMs;
        this.startupIdlenessMs = startupIdlenessMs;
        this.catchUpBoundMs = catchUpBoundMs;
        this.clock = clock;
        this.lastRecordAt = clock.getAsLong();
    }

    @Override
    public void onEvent(T event, long eventTime, WatermarkOutput output) {
        if (eventTime == Long.MIN_VALUE) {
            return; // a dead letter: no event time to follow
        }
        maxEventTime = Math.max(maxEventTime, eventTime);
        lastRecordAt = clock.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long watermark = current(clock.getAsLong());
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    /** The watermark at processing time {@code now}. */
    long current(long now) {
        long fromEvents = maxEventTime == Long.MIN_VALUE ? Long.MIN_VALUE : maxEventTime - outOfOrdernessMs - 1;
        long idleAfter;
        if (maxEventTime == Long.MIN_VALUE) {
            idleAfter = startupIdlenessMs;
        } else if (maxEventTime >= now - catchUpBoundMs) {
            idleAfter = liveIdlenessMs;
        } else {
            idleAfter = backlogIdlenessMs;
        }
        if (now - lastRecordAt >= idleAfter) {
            return Math.max(fromEvents, now - outOfOrdernessMs - 1);
        }
        return fromEvents;
    }
}
