package io.chatpulse.streamjobs.alert;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * frt_spike (metrics.md), free of Flink: the p90 first response time of a queue over the last
 * {@code windowMs} (responses completed in it) exceeds {@code factor} times its baseline, the p90 of
 * the responses in the same window of the day on each of the past {@code baselineDays} days the
 * monitor has seen (at least {@code minDays}). At least {@code minResponses} responses in the window
 * and in the baseline, else no judgement. Quantiles as the ClickHouse views compute them
 * (quantileExactInclusive: linear interpolation between closest ranks). Resolves after
 * {@code clearAfterMs} back under.
 */
public final class FrtSpikeRule {

    public record Settings(long windowMs, int baselineDays, int minDays, double factor, int minResponses,
                           long clearAfterMs) implements Serializable {
    }

    public record Evaluation(Optional<AlertChange> change, int responses, double p90Ms, double baselineP90Ms,
                             boolean judged) {
    }

    /** First response times (ms) of responses completed in [from, to). */
    @FunctionalInterface
    public interface Responses {
        List<Long> between(long from, long to);
    }

    private FrtSpikeRule() {
    }

    public static Evaluation evaluate(Settings rule, AlertRuleState state, long at, long historySince,
                                      Responses responses) {
        Hysteresis hysteresis = new Hysteresis(rule.clearAfterMs());
        List<Long> now = responses.between(at - rule.windowMs(), at);
        List<Long> past = new ArrayList<>();
        int days = 0;
        for (int day = 1; day <= rule.baselineDays(); day++) {
            long from = at - rule.windowMs() - day * VolumeSpikeRule.DAY;
            if (from >= historySince) {
                days++;
                past.addAll(responses.between(from, from + rule.windowMs()));
            }
        }
        if (now.size() < rule.minResponses() || days < rule.minDays() || past.size() < rule.minResponses()) {
            return new Evaluation(hysteresis.observe(state, at, false), now.size(), 0, 0, false);
        }
        double p90 = quantile(now, 0.9);
        double baseline = quantile(past, 0.9);
        return new Evaluation(hysteresis.observe(state, at, p90 > rule.factor() * baseline), now.size(), p90,
                baseline, true);
    }

    /** Excel's PERCENTILE.INC, ClickHouse's quantileExactInclusive. */
    static double quantile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double h = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
