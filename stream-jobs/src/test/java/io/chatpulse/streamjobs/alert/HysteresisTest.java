package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HysteresisTest {

    private final Hysteresis hysteresis = new Hysteresis(60_000);
    private final AlertRuleState state = new AlertRuleState();

    @Test
    void firesAtTheFirstBreachAndOnlyOnce() {
        assertThat(hysteresis.observe(state, 1_000, false)).isEmpty();
        assertThat(hysteresis.observe(state, 2_000, true))
                .contains(new AlertChange(AlertChange.Kind.FIRING, 2_000, 2_000));
        assertThat(hysteresis.observe(state, 3_000, true)).isEmpty();
        assertThat(state.firing).isTrue();
    }

    @Test
    void resolvesOnlyAfterTheClearPeriodWithoutABreak() {
        hysteresis.observe(state, 0, true);
        assertThat(hysteresis.observe(state, 10_000, false)).isEmpty();
        assertThat(hysteresis.resolveDue(state)).isEqualTo(OptionalLong.of(70_000));
        assertThat(hysteresis.observe(state, 69_999, false)).isEmpty();
        assertThat(hysteresis.observe(state, 70_000, false))
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, 70_000, 0));
        assertThat(state.firing).isFalse();
        assertThat(hysteresis.resolveDue(state)).isEmpty();
    }

    @Test
    void aBreachDuringTheClearPeriodKeepsItFiringAndRestartsTheClearPeriod() {
        hysteresis.observe(state, 0, true);
        hysteresis.observe(state, 10_000, false);
        assertThat(hysteresis.observe(state, 50_000, true)).as("no second page").isEmpty();
        assertThat(hysteresis.observe(state, 60_000, false)).isEmpty();
        assertThat(hysteresis.observe(state, 110_000, false)).isEmpty();
        assertThat(hysteresis.observe(state, 120_000, false))
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, 120_000, 0));
    }

    @Test
    void firesAgainAfterResolving() {
        hysteresis.observe(state, 0, true);
        hysteresis.observe(state, 1_000, false);
        hysteresis.observe(state, 61_000, false);
        assertThat(hysteresis.observe(state, 70_000, true))
                .contains(new AlertChange(AlertChange.Kind.FIRING, 70_000, 70_000));
    }
}
