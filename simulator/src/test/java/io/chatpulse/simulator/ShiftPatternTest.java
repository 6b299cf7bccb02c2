package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShiftPatternTest {

    private final ShiftPattern pattern = new ShiftPattern(12, Duration.ofMinutes(20));

    @Test
    void aboutFourInFiveAgentsAreOnDutyAtAnyTime() {
        for (long second = 0; second < 3 * 25 * 60; second += 7) {
            Duration t = Duration.ofSeconds(second);
            long onDuty = IntStream.range(0, 12).filter(i -> pattern.onDuty(i, t)).count();
            assertThat(onDuty).as("on duty at %s", t).isBetween(9L, 10L);
        }
    }

    @Test
    void eachAgentWorksTheShiftThenIsOffForAQuarterOfIt() {
        Duration t = Duration.ZERO;
        // agent 0 starts its shift at the start of the run
        assertThat(pattern.onDuty(0, t)).isTrue();
        assertThat(pattern.untilChange(0, t)).isEqualTo(Duration.ofMinutes(20));
        t = t.plus(pattern.untilChange(0, t));
        assertThat(pattern.onDuty(0, t)).isFalse();
        assertThat(pattern.untilChange(0, t)).isEqualTo(Duration.ofMinutes(5));
        t = t.plus(pattern.untilChange(0, t));
        assertThat(pattern.onDuty(0, t)).isTrue();
        assertThat(t).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void arrivalsAndDeparturesAreSpreadOverTheCycle() {
        // agent 11 is 11/12 of a 25-minute cycle ahead: 2 min 55 s into its time off
        assertThat(pattern.onDuty(11, Duration.ZERO)).isFalse();
        assertThat(pattern.untilChange(11, Duration.ZERO)).isEqualTo(Duration.ofSeconds(125));
        assertThat(pattern.onDuty(1, Duration.ZERO)).isTrue();
        assertThat(pattern.untilChange(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(20 * 60 - 125));
    }
}
