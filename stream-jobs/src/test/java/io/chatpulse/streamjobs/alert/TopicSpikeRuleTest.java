package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

/** topic_spike's arithmetic and lifecycle against values computed here from its definition (docs/kpi-topics.md). */
class TopicSpikeRuleTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY = VolumeSpikeRule.DAY;
    /** A Monday 10:00 UTC, a minute boundary. */
    private static final long AT = 1_790_000_400_000L - 1_790_000_400_000L % MINUTE;
    private static final VolumeSpikeRule.Settings RULE = AlertRules.parse(
            "topic_spike.window=15m;topic_spike.baseline-days=7;topic_spike.min-days=3;topic_spike.z=3;"
                    + "topic_spike.min-count=10;topic_spike.clear-after=30m").topicSpike("acme");

    private final Map<Long, Long> perMinute = new HashMap<>();
    private final LongBinaryOperator messages = (from, to) -> {
        long sum = 0;
        for (long m = from / MINUTE; m < to / MINUTE; m++) {
            sum += perMinute.getOrDefault(m, 0L);
        }
        return sum;
    };

    @Test
    void theDefaultsAndATenantsOwnSettings() {
        VolumeSpikeRule.Settings defaults = AlertRules.defaults().topicSpike("acme");
        assertThat(defaults).isEqualTo(new VolumeSpikeRule.Settings(15 * MINUTE, 7, 3, 3.0, 10, 30 * MINUTE));
        assertThat(AlertRules.parse("tenant.acme.topic_spike.window=5m;topic_spike.z=4").topicSpike("acme"))
                .isEqualTo(new VolumeSpikeRule.Settings(5 * MINUTE, 7, 3, 4.0, 10, 30 * MINUTE));
    }

    @Test
    void firesOnceWhenTheWindowIsFarAboveTheSameWindowOfPastDaysAndResolvesAfterTheClearPeriod() {
        long[] baseline = {4, 6, 5};
        for (int day = 1; day <= baseline.length; day++) {
            put(AT - 10 * MINUTE - day * DAY, baseline[day - 1]);
        }
        put(AT - 5 * MINUTE, 30);
        AlertRuleState state = new AlertRuleState();

        VolumeSpikeRule.Evaluation spike = TopicSpikeRule.evaluate(RULE, state, AT, AT - 3 * DAY - 15 * MINUTE, messages);
        // The definition: mean 5, population spread sqrt(2/3) under the Poisson floor sqrt(5), z = (30 - 5) / sqrt(5).
        assertThat(spike.judged()).isTrue();
        assertThat(spike.arrivals()).isEqualTo(30);
        assertThat(spike.mean()).isCloseTo(5.0, within(1e-9));
        assertThat(spike.zScore()).isCloseTo(25 / Math.sqrt(5), within(1e-9));
        assertThat(spike.breachAt()).isCloseTo(Math.max(10, 5 + 3 * Math.sqrt(5)), within(1e-9));
        assertThat(spike.change()).contains(new AlertChange(AlertChange.Kind.FIRING, AT, AT));

        AlertRecord alert = TopicSpikeRule.alert("acme", "returns", RULE, spike.change().get(), spike, "http://d", false);
        assertThat(alert.rule()).isEqualTo("topic_spike");
        assertThat(alert.scope()).isEqualTo("topic:returns");
        assertThat(alert.value()).isEqualTo(30);
        assertThat(alert.threshold()).isEqualTo(12);
        assertThat(alert.summary()).isEqualTo("Topic returns: spike, 30 customer messages in the last 15 min, baseline 5.0 (z 11.2)");

        // Still high a minute later: no second page.
        assertThat(TopicSpikeRule.evaluate(RULE, state, AT + MINUTE, AT - 3 * DAY - 15 * MINUTE, messages).change()).isEmpty();
        // Back under from AT + 11 min (the burst's minute left the window); resolved 30 min later, not before.
        assertThat(TopicSpikeRule.evaluate(RULE, state, AT + 11 * MINUTE, AT - 3 * DAY - 15 * MINUTE, messages).change())
                .isEmpty();
        assertThat(state.clearSince).isEqualTo(AT + 11 * MINUTE);
        assertThat(TopicSpikeRule.evaluate(RULE, state, AT + 40 * MINUTE, AT - 3 * DAY - 15 * MINUTE, messages).change())
                .isEmpty();
        assertThat(TopicSpikeRule.evaluate(RULE, state, AT + 41 * MINUTE, AT - 3 * DAY - 15 * MINUTE, messages).change())
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, AT + 41 * MINUTE, AT));
    }

    @Test
    void aSteadyCountDoesNotFire() {
        for (int day = 0; day <= 7; day++) {
            put(AT - 10 * MINUTE - day * DAY, 20 + day % 3);
        }
        VolumeSpikeRule.Evaluation steady = TopicSpikeRule.evaluate(RULE, new AlertRuleState(), AT, 0, messages);
        assertThat(steady.judged()).isTrue();
        assertThat(steady.arrivals()).isEqualTo(20);
        assertThat(steady.change()).isEmpty();
    }

    @Test
    void aTopicWithLessThanMinDaysOfHistoryIsNotJudged() {
        put(AT - 10 * MINUTE - DAY, 1);
        put(AT - 5 * MINUTE, 500);
        // Counted for two days only (a topic added two days ago): no baseline, no alert.
        VolumeSpikeRule.Evaluation young = TopicSpikeRule.evaluate(RULE, new AlertRuleState(), AT, AT - 2 * DAY - MINUTE,
                messages);
        assertThat(young.judged()).isFalse();
        assertThat(young.change()).isEmpty();
    }

    @Test
    void underTheMinimumCountNothingFiresHoweverQuietTheBaseline() {
        put(AT - 5 * MINUTE, 9);
        VolumeSpikeRule.Evaluation few = TopicSpikeRule.evaluate(RULE, new AlertRuleState(), AT, 0, messages);
        assertThat(few.zScore()).isGreaterThan(3);
        assertThat(few.change()).isEmpty();
    }

    private void put(long at, long count) {
        perMinute.merge(at / MINUTE, count, Long::sum);
    }
}
