package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FrtSpikeRuleTest {

    private static final long DAY = VolumeSpikeRule.DAY;
    private static final long MIN = 60_000;
    private static final long NOW = 30 * DAY + 9 * 60 * MIN;

    private final FrtSpikeRule.Settings defaults = AlertRules.defaults().frtSpike("acme", "billing");
    private final AlertRuleState state = new AlertRuleState();
    private final TreeMap<Long, List<Long>> responses = new TreeMap<>();

    @Test
    void theDefaultsAreThoseOfMetricsMd() {
        assertThat(defaults).isEqualTo(new FrtSpikeRule.Settings(15 * MIN, 7, 3, 2.0, 10, 15 * MIN));
    }

    @Test
    void firesWhenTheP90OfTheLast15MinExceedsTwiceTheBaseline() {
        for (int day = 1; day <= 3; day++) {
            respond(NOW - day * DAY - 5 * MIN, 10, 20_000);
        }
        respond(NOW - 5 * MIN, 10, 50_000);
        FrtSpikeRule.Evaluation evaluation = evaluate(NOW);
        assertThat(evaluation.judged()).isTrue();
        assertThat(evaluation.p90Ms()).isEqualTo(50_000);
        assertThat(evaluation.baselineP90Ms()).isEqualTo(20_000);
        assertThat(evaluation.change()).contains(new AlertChange(AlertChange.Kind.FIRING, NOW, NOW));
    }

    @Test
    void underTwiceTheBaselineOrWithTooFewResponsesItDoesNotFire() {
        for (int day = 1; day <= 3; day++) {
            respond(NOW - day * DAY - 5 * MIN, 10, 20_000);
        }
        respond(NOW - 5 * MIN, 10, 40_000);
        assertThat(evaluate(NOW).change()).as("exactly 2x is not over 2x").isEmpty();
        responses.clear();
        for (int day = 1; day <= 3; day++) {
            respond(NOW - day * DAY - 5 * MIN, 10, 20_000);
        }
        respond(NOW - 5 * MIN, 9, 100_000);
        assertThat(evaluate(NOW).judged()).isFalse();
    }

    @Test
    void quantilesInterpolateAsTheClickHouseViewsDo() {
        // quantileExactInclusive(0.9) of 1..10 = 9.1
        List<Long> values = new ArrayList<>();
        for (long v = 10; v >= 1; v--) {
            values.add(v);
        }
        assertThat(FrtSpikeRule.quantile(values, 0.9)).isEqualTo(9.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    private void respond(long at, int count, long frtMs) {
        for (int i = 0; i < count; i++) {
            responses.computeIfAbsent(at, k -> new ArrayList<>()).add(frtMs);
        }
    }

    private FrtSpikeRule.Evaluation evaluate(long at) {
        return FrtSpikeRule.evaluate(defaults, state, at, 0, (from, to) -> {
            List<Long> all = new ArrayList<>();
            for (Map.Entry<Long, List<Long>> e : responses.subMap(from, true, to, false).entrySet()) {
                all.addAll(e.getValue());
            }
            return all;
        });
    }
}
