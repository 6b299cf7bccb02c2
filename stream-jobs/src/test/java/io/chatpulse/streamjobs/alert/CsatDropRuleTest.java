package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CsatDropRuleTest {

    private static final long DAY = VolumeSpikeRule.DAY;
    private static final long MIN = 60_000;
    private static final long NOW = 30 * DAY + 14 * 60 * MIN;

    private final CsatDropRule.Settings defaults = AlertRules.defaults().csatDrop("acme", "billing");
    private final AlertRuleState state = new AlertRuleState();
    private final TreeMap<Long, Integer> ratings = new TreeMap<>();
    private final TreeMap<Long, Integer> negatives = new TreeMap<>();

    @Test
    void theDefaultsAreThoseOfMetricsMd() {
        assertThat(defaults).isEqualTo(new CsatDropRule.Settings(30 * MIN, 7, 3, 3.0, 10, 15 * MIN));
    }

    @Test
    void firesWhenTheNegativeRateOfTheLast30MinIsFarAboveTheSameHoursOfPastDays() {
        for (int day = 1; day <= 3; day++) {
            rate(NOW - day * DAY - 10 * MIN, 20, 2); // 10 % negative
        }
        rate(NOW - 5 * MIN, 12, 6); // 50 %

        CsatDropRule.Evaluation evaluation = evaluate(NOW);
        assertThat(evaluation.judged()).isTrue();
        assertThat(evaluation.rate()).isEqualTo(0.5);
        assertThat(evaluation.baselineRate()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(evaluation.zScore()).isGreaterThan(3);
        assertThat(evaluation.change()).contains(new AlertChange(AlertChange.Kind.FIRING, NOW, NOW));
    }

    @Test
    void needsTenRatingsInTheWindow() {
        for (int day = 1; day <= 3; day++) {
            rate(NOW - day * DAY - 10 * MIN, 20, 2);
        }
        rate(NOW - 5 * MIN, 9, 9);
        assertThat(evaluate(NOW).judged()).isFalse();
        assertThat(state.firing).isFalse();
    }

    @Test
    void aRateWithinTheBaselinesSpreadIsNoDrop() {
        for (int day = 1; day <= 3; day++) {
            rate(NOW - day * DAY - 10 * MIN, 20, 4); // 20 %
        }
        rate(NOW - 5 * MIN, 10, 4); // 40 %: z = 0.2 / sqrt(0.16 / 10) = 1.6
        assertThat(evaluate(NOW).change()).isEmpty();
    }

    @Test
    void resolvesAfterFifteenMinutesBackUnder() {
        for (int day = 1; day <= 3; day++) {
            rate(NOW - day * DAY - 10 * MIN, 20, 2);
        }
        rate(NOW - 5 * MIN, 12, 6);
        assertThat(evaluate(NOW).change()).isPresent();
        rate(NOW + MIN, 40, 0); // many good ratings: the window's rate falls under
        assertThat(evaluate(NOW + 2 * MIN).change()).isEmpty();
        assertThat(evaluate(NOW + 17 * MIN).change())
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, NOW + 17 * MIN, NOW));
    }

    private void rate(long at, int count, int negative) {
        ratings.merge(at, count, Integer::sum);
        negatives.merge(at, negative, Integer::sum);
    }

    private CsatDropRule.Evaluation evaluate(long at) {
        return CsatDropRule.evaluate(defaults, state, at, 0, (from, to) -> sum(ratings, from, to),
                (from, to) -> sum(negatives, from, to));
    }

    private static long sum(TreeMap<Long, Integer> counts, long from, long to) {
        return counts.subMap(from, true, to, false).values().stream().mapToLong(Integer::longValue).sum();
    }
}
