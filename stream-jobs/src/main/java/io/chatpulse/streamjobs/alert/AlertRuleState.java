package io.chatpulse.streamjobs.alert;

/**
 * Where one alert (tenant, rule, scope) stands, kept in Flink state (a POJO): not firing, or firing
 * since {@code startedAt}, possibly back under the threshold since {@code clearSince}.
 */
public class AlertRuleState {
    /** No clear period under way. */
    public static final long NONE = Long.MIN_VALUE;

    public boolean firing;
    public long startedAt = NONE;
    public long clearSince = NONE;

    public AlertRuleState() {
    }

    public boolean resolving() {
        return firing && clearSince != NONE;
    }
}
