package io.chatpulse.streamjobs.conversation;

import java.time.Duration;
import org.apache.flink.streaming.api.TimerService;

/**
 * When a conversation's state is let go: {@code ttl} of processing time after its last event,
 * rounded up to a step of at most an hour. The rounding gives a busy conversation one timer an hour
 * instead of one an event; it is kept at most one step longer.
 */
final class ForgetTimer {

    private static final long MAX_STEP_MS = Duration.ofHours(1).toMillis();

    private final long ttlMs;
    private final long stepMs;

    ForgetTimer(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the state TTL must be positive, got " + ttl);
        }
        this.ttlMs = ttl.toMillis();
        this.stepMs = Math.min(ttlMs, MAX_STEP_MS);
    }

    /** Moves the state's forget time past now, with a timer for it when it moved to a new step. */
    void keep(ConversationState state, TimerService timers) {
        long at = forgetAt(timers.currentProcessingTime());
        if (at != state.forgetAt) {
            state.forgetAt = at;
            timers.registerProcessingTimeTimer(at);
        }
    }

    /** Whether a timer firing at {@code timestamp} finds the conversation idle (a later event moved it on). */
    boolean isDue(ConversationState state, long timestamp) {
        return state.forgetAt <= timestamp;
    }

    long forgetAt(long now) {
        long due = now + ttlMs;
        return (due + stepMs - 1) / stepMs * stepMs;
    }
}
