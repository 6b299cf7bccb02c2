package io.chatpulse.streamjobs.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongBinaryOperator;

/**
 * volume_spike (metrics.md), free of Flink: the arrivals of a queue in the last {@code windowMs}
 * exceed their baseline by a z-score over {@code z}. The baseline is the same window of the day on
 * each of the past {@code baselineDays} days that the monitor has seen (at least {@code minDays},
 * else no judgement: a queue without history cannot spike). The spread is at least the Poisson
 * spread {@code sqrt(mean)} (and at least 1), so a flat baseline of 2, 2, 2 does not make 3 arrivals
 * a spike; and at least {@code minCount} arrivals are needed. Resolves after {@code clearAfterMs}
 * back under.
 */
public final class VolumeSpikeRule {

    public static final long DAY = 86_400_000L;

    public record Settings(long windowMs, int baselineDays, int minDays, double z, int minCount, long clearAfterMs)
            implements Serializable {
    }

    /**
     * @param judged false when the history is too short for a baseline
     * @param breachAt the arrivals that would breach now (mean + z x spread, at least minCount)
     */
    public record Evaluation(Optional<AlertChange> change, long arrivals, double mean, double zScore,
                             double breachAt, boolean judged) {
    }

    private VolumeSpikeRule() {
    }

    /**
     * @param at             the end of the window (exclusive)
     * @param historySince   since when the monitor has seen the tenant's events
     * @param arrivals       arrivals of the queue in [from, to)
     */
    public static Evaluation evaluate(Settings rule, AlertRuleState state, long at, long historySince,
                                      LongBinaryOperator arrivals) {
        long now = arrivals.applyAsLong(at - rule.windowMs(), at);
        List<Long> samples = new ArrayList<>();
        for (int day = 1; day <= rule.baselineDays(); day++) {
            long from = at - rule.windowMs() - day * DAY;
            if (from >= historySince) {
                samples.add(arrivals.applyAsLong(from, from + rule.windowMs()));
            }
        }
        Hysteresis hysteresis = new Hysteresis(rule.clearAfterMs());
        if (samples.size() < rule.minDays()) {
            return new Evaluation(hysteresis.observe(state, at, false), now, 0, 0, 0, false);
        }
        double mean = samples.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = samples.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / samples.size();
        double spread = Math.max(Math.sqrt(variance), Math.max(1, Math.sqrt(mean)));
        double z = (now - mean) / spread;
        boolean breached = z > rule.z() && now >= rule.minCount();
        double breachAt = Math.max(rule.minCount(), mean + rule.z() * spread);
        return new Evaluation(hysteresis.observe(state, at, breached), now, mean, z, breachAt, true);
    }
}
