package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VolumeSpikeRuleTest {

    private static final long DAY = VolumeSpikeRule.DAY;
    private static final long MIN = 60_000;
    private static final long NOW = 30 * DAY + 10 * 60 * MIN; // 10:00 on day 30

    private final VolumeSpikeRule.Settings defaults = AlertRules.defaults().volumeSpike("acme", "billing");
    private final AlertRuleState state = new AlertRuleState();
    /** Arrival times. */
    private final TreeMap<Long, Integer> arrivals = new TreeMap<>();

    @Test
    void theDefaultsAreThoseOfMetricsMd() {
        assertThat(defaults).isEqualTo(new VolumeSpikeRule.Settings(5 * MIN, 7, 3, 3.0, 10, 15 * MIN));
    }

    @Test
    void firesWhenTheLastFiveMinutesAreFarAboveTheSameMinutesOfPastDays() {
        arrive(NOW - DAY - MIN, 2);
        arrive(NOW - 2 * DAY - MIN, 3);
        arrive(NOW - 3 * DAY - MIN, 2);
        arrive(NOW - 2 * MIN, 12);

        VolumeSpikeRule.Evaluation evaluation = evaluate(NOW, NOW - 3 * DAY - 10 * MIN);
        assertThat(evaluation.judged()).isTrue();
        assertThat(evaluation.arrivals()).isEqualTo(12);
        assertThat(evaluation.mean()).isEqualTo(7.0 / 3);
        assertThat(evaluation.zScore()).isGreaterThan(3);
        assertThat(evaluation.change()).contains(new AlertChange(AlertChange.Kind.FIRING, NOW, NOW));
    }

    @Test
    void aFlatBaselineDoesNotMakeASmallBumpASpike() {
        for (int day = 1; day <= 7; day++) {
            arrive(NOW - day * DAY - MIN, 2);
        }
        arrive(NOW - MIN, 6);
        assertThat(evaluate(NOW, 0).change()).as("z = (6 - 2) / sqrt(2) = 2.8").isEmpty();
    }

    @Test
    void withoutEnoughDaysOfHistoryThereIsNoJudgement() {
        arrive(NOW - DAY - MIN, 2);
        arrive(NOW - 2 * DAY - MIN, 2);
        arrive(NOW - MIN, 50);
        VolumeSpikeRule.Evaluation evaluation = evaluate(NOW, NOW - 2 * DAY - 10 * MIN);
        assertThat(evaluation.judged()).isFalse();
        assertThat(evaluation.change()).isEmpty();
    }

    @Test
    void resolvesAfterFifteenMinutesBackUnder() {
        for (int day = 1; day <= 3; day++) {
            arrive(NOW - day * DAY - MIN, 2);
        }
        arrive(NOW - MIN, 20);
        long since = 0;
        assertThat(evaluate(NOW, since).change()).isPresent();
        assertThat(evaluate(NOW + 5 * MIN, since).change()).isEmpty();
        assertThat(evaluate(NOW + 19 * MIN, since).change()).isEmpty();
        assertThat(evaluate(NOW + 20 * MIN, since).change())
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, NOW + 20 * MIN, NOW));
    }

    private void arrive(long at, int count) {
        arrivals.merge(at, count, Integer::sum);
    }

    private VolumeSpikeRule.Evaluation evaluate(long at, long historySince) {
        return VolumeSpikeRule.evaluate(defaults, state, at, historySince,
                (from, to) -> arrivals.subMap(from, true, to, false).values().stream().mapToLong(Integer::longValue).sum());
    }
}
