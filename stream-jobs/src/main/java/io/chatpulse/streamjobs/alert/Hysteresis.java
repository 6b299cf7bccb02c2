package io.chatpulse.streamjobs.alert;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The lifecycle every alert rule shares, free of Flink: OK -> FIRING as soon as the condition is
 * breached; FIRING -> RESOLVED (back to OK) only once it has not been breached for
 * {@code clearAfterMs} without a break, so a figure that hovers around its threshold does not page
 * again and again. A breach during the clear period cancels it. Observations must come in time
 * order; the caller evaluates the condition at each point its value can change and at
 * {@link #resolveDue}.
 */
public record Hysteresis(long clearAfterMs) {

    public Optional<AlertChange> observe(AlertRuleState state, long at, boolean breached) {
        if (breached) {
            state.clearSince = AlertRuleState.NONE;
            if (!state.firing) {
                state.firing = true;
                state.startedAt = at;
                return Optional.of(new AlertChange(AlertChange.Kind.FIRING, at, at));
            }
            return Optional.empty();
        }
        if (!state.firing) {
            return Optional.empty();
        }
        if (state.clearSince == AlertRuleState.NONE) {
            state.clearSince = at;
        }
        if (at - state.clearSince >= clearAfterMs) {
            long startedAt = state.startedAt;
            state.firing = false;
            state.startedAt = AlertRuleState.NONE;
            state.clearSince = AlertRuleState.NONE;
            return Optional.of(new AlertChange(AlertChange.Kind.RESOLVED, at, startedAt));
        }
        return Optional.empty();
    }

    /** When the alert resolves if nothing breaches it before: the end of the clear period under way. */
    public OptionalLong resolveDue(AlertRuleState state) {
        return state.resolving() ? OptionalLong.of(state.clearSince + clearAfterMs) : OptionalLong.empty();
    }
}
