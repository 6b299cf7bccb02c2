package io.chatpulse.streamjobs.queue;

import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * When a function keyed by tenant next looks for entries of its map states that nobody wrote for
 * their retention (decision 33): one processing-time timer per tenant at a time, at whole steps of
 * at most an hour, instead of Flink's state TTL, whose incremental cleanup walked the tenant's whole
 * map on every access. Processing time, as the TTL was: a history import is not forgotten at once
 * for being old.
 */
public final class IdleSweep {

    private static final long MAX_STEP_MS = Duration.ofHours(1).toMillis();

    private final long stepMs;
    private final ValueState<Long> next;

    private IdleSweep(long stepMs, ValueState<Long> next) {
        this.stepMs = stepMs;
        this.next = next;
    }

    /** The sweep of a retention, its next time in the function's keyed state {@code next-sweep}. */
    public static IdleSweep open(RuntimeContext context, Duration retention) {
        return new IdleSweep(Math.max(1, Math.min(retention.toMillis(), MAX_STEP_MS)),
                context.getState(new ValueStateDescriptor<>("next-sweep", Types.LONG)));
    }

    /** A sweep is due some time: registers one unless one is pending. */
    public void keep(TimerService timers) throws Exception {
        if (next.value() == null) {
            long at = (Math.floorDiv(timers.currentProcessingTime(), stepMs) + 1) * stepMs;
            next.update(at);
            timers.registerProcessingTimeTimer(at);
        }
    }

    /** The sweep at {@code timestamp} ran; another one step later if anything is left to forget. */
    public void swept(TimerService timers, boolean anythingLeft) throws Exception {
        next.clear();
        if (anythingLeft) {
            keep(timers);
        }
    }
}
