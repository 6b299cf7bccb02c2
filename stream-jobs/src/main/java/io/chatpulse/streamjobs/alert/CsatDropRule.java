package io.chatpulse.streamjobs.alert;

import java.io.Serializable;
import java.util.Optional;
import java.util.function.LongBinaryOperator;

/**
 * csat_drop (metrics.md), free of Flink: the negative rate (ratings 1 or 2 / all ratings) of a queue
 * over the last {@code windowMs} is far above its baseline: a binomial z-score over {@code z} against
 * the pooled negative rate of the same window of the day on each of the past {@code baselineDays}
 * days the monitor has seen (at least {@code minDays}, with ratings), with at least
 * {@code minRatings} ratings in the window. The baseline rate is kept within [1 %, 99 %] so a
 * spotless past does not make one bad rating infinitely surprising. Resolves after
 * {@code clearAfterMs} back under.
 */
public final class CsatDropRule {

    public record Settings(long windowMs, int baselineDays, int minDays, double z, int minRatings, long clearAfterMs)
            implements Serializable {
    }

    /**
     * @param rate      the negative rate of the window (0 without ratings)
     * @param breachAt  the negative rate that would breach now
     * @param judged    false when there are too few ratings or too little history
     */
    public record Evaluation(Optional<AlertChange> change, long ratings, double rate, double baselineRate,
                             double zScore, double breachAt, boolean judged) {
    }

    private CsatDropRule() {
    }

    /**
     * @param ratings   ratings of the queue in [from, to)
     * @param negatives ratings of 1 or 2 in [from, to)
     */
    public static Evaluation evaluate(Settings rule, AlertRuleState state, long at, long historySince,
                                      LongBinaryOperator ratings, LongBinaryOperator negatives) {
        Hysteresis hysteresis = new Hysteresis(rule.clearAfterMs());
        long r = ratings.applyAsLong(at - rule.windowMs(), at);
        long n = negatives.applyAsLong(at - rule.windowMs(), at);
        double rate = r == 0 ? 0 : (double) n / r;
        long pastRatings = 0;
        long pastNegatives = 0;
        int days = 0;
        for (int day = 1; day <= rule.baselineDays(); day++) {
            long from = at - rule.windowMs() - day * VolumeSpikeRule.DAY;
            if (from >= historySince) {
                days++;
                pastRatings += ratings.applyAsLong(from, from + rule.windowMs());
                pastNegatives += negatives.applyAsLong(from, from + rule.windowMs());
            }
        }
        if (r < rule.minRatings() || days < rule.minDays() || pastRatings == 0) {
            return new Evaluation(hysteresis.observe(state, at, false), r, rate, 0, 0, 0, false);
        }
        double baseline = Math.min(0.99, Math.max(0.01, (double) pastNegatives / pastRatings));
        double spread = Math.sqrt(baseline * (1 - baseline) / r);
        double z = (rate - baseline) / spread;
        double breachAt = baseline + rule.z() * spread;
        return new Evaluation(hysteresis.observe(state, at, z > rule.z()), r, rate, baseline, z, breachAt, true);
    }
}
