package io.chatpulse.streamjobs.alert;

import io.chatpulse.streamjobs.calendar.BusinessCalendar;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The queue_wait rule of metrics.md, free of Flink: fires the moment the oldest waiting conversation
 * of a queue has waited {@code thresholdMs}; resolves once no conversation of the queue has waited
 * that long for {@code clearAfterMs}. Inside business hours only, unless the rule says otherwise.
 */
public final class QueueWaitRule {

    /**
     * @param calendar the queue's business hours; null: always open
     */
    public record Settings(long thresholdMs, long clearAfterMs, boolean outsideBusinessHours,
                           BusinessCalendar calendar) implements Serializable {
    }

    /**
     * What one evaluation found.
     *
     * @param change    the state change it made, if any
     * @param oldestWaitMs the oldest wait at the time, 0 when nobody waits
     * @param nextCheck when the outcome can next change without an event: the oldest wait crossing
     *                  the threshold, the end of the clear period, the queue opening or closing
     */
    public record Evaluation(Optional<AlertChange> change, long oldestWaitMs, OptionalLong nextCheck) {
    }

    private QueueWaitRule() {
    }

    /**
     * @param oldestQueuedAt when the longest-waiting conversation of the queue entered it; empty if none waits
     */
    public static Evaluation evaluate(Settings rule, AlertRuleState state, long at, OptionalLong oldestQueuedAt) {
        long oldestWait = oldestQueuedAt.isPresent() ? Math.max(0, at - oldestQueuedAt.getAsLong()) : 0;
        boolean over = oldestQueuedAt.isPresent() && oldestWait >= rule.thresholdMs();
        boolean open = rule.outsideBusinessHours() || rule.calendar() == null || rule.calendar().isOpen(at);
        Hysteresis hysteresis = new Hysteresis(rule.clearAfterMs());
        Optional<AlertChange> change = hysteresis.observe(state, at, over && open);

        long next = Long.MAX_VALUE;
        if (oldestQueuedAt.isPresent() && !over) {
            next = Math.min(next, oldestQueuedAt.getAsLong() + rule.thresholdMs());
        }
        OptionalLong resolve = hysteresis.resolveDue(state);
        if (resolve.isPresent()) {
            next = Math.min(next, resolve.getAsLong());
        }
        if (rule.calendar() != null && !rule.outsideBusinessHours() && (over || state.firing)) {
            next = Math.min(next, rule.calendar().nextChange(at));
        }
        return new Evaluation(change, oldestWait, next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next));
    }
}
