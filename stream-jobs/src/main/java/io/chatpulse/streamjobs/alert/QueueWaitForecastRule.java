package io.chatpulse.streamjobs.alert;

import io.chatpulse.streamjobs.calendar.BusinessCalendar;
import java.io.Serializable;
import java.util.Optional;

/**
 * The queue_wait_forecast rule of metrics.md, free of Flink: fires when the forecast for a customer
 * arriving now passes the queue_wait threshold (the probability that it still waits at the
 * threshold above {@code level}, or the expected wait over the threshold, or a queue growing
 * without bound) and that has held for {@code holdMs}; resolves once the forecast has been back
 * under for {@code clearAfterMs}. A breach during the clear period keeps it firing. Inside business
 * hours only, unless the rule says otherwise. The monitor evaluates it on live rows only: a replay
 * never fires it.
 */
public final class QueueWaitForecastRule {

    /**
     * @param thresholdMs the queue_wait threshold the forecast is held against
     * @param calendar    the queue's business hours; null: always open
     */
    public record Settings(long thresholdMs, double level, long holdMs, long clearAfterMs, boolean outsideBusinessHours,
                           BusinessCalendar calendar) implements Serializable {
    }

    /** The alert's state and since when the forecast has been over (for the hold). A Flink POJO. */
    public static class State {
        public AlertRuleState alert = new AlertRuleState();
        public long breachedSince = AlertRuleState.NONE;

        public State() {
        }
    }

    private QueueWaitForecastRule() {
    }

    /**
     * Whether a forecast passes the threshold. A queue nobody has arrived at (within the weighted
     * window) forecasts nothing, also without agents.
     */
    public static boolean breached(long thresholdMs, double level, double arrivalsPerHour, boolean unbounded,
                                   double waitOverThresholdProbability, double expectedWaitS) {
        return arrivalsPerHour > 0
                && (unbounded || waitOverThresholdProbability > level || expectedWaitS > thresholdMs / 1000.0);
    }

    public static Optional<AlertChange> evaluate(Settings rule, State state, long at, boolean breached) {
        boolean open = rule.outsideBusinessHours() || rule.calendar() == null || rule.calendar().isOpen(at);
        if (!breached || !open) {
            state.breachedSince = AlertRuleState.NONE;
        } else if (state.breachedSince == AlertRuleState.NONE) {
            state.breachedSince = at;
        }
        boolean held = state.breachedSince != AlertRuleState.NONE && at - state.breachedSince >= rule.holdMs();
        return new Hysteresis(rule.clearAfterMs()).observe(state.alert, at,
                state.alert.firing ? breached && open : held);
    }
}
