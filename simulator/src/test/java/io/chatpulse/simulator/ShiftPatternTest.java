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

    @Test
    void agentsLeavingGoAtTheirTimeAndNeverComeBack() {
        // 12 agents, 20-minute shifts; at 12 min the first 3 on duty then leave for good.
        Duration leaveAt = Duration.ofMinutes(12);
        ShiftPattern leaving = new ShiftPattern(12, Duration.ofMinutes(20), leaveAt, 3);
        java.util.List<Integer> onDutyThen = IntStream.range(0, 12).filter(i -> pattern.onDuty(i, leaveAt)).boxed().toList();
        java.util.List<Integer> gone = onDutyThen.subList(0, 3);

        for (int i = 0; i < 12; i++) {
            // Before: the same as without leaving; the leavers' next change is at the latest their leaving.
            assertThat(leaving.onDuty(i, Duration.ofMinutes(11))).isEqualTo(pattern.onDuty(i, Duration.ofMinutes(11)));
            if (gone.contains(i) && leaving.onDuty(i, Duration.ofMinutes(11))) {
                assertThat(leaving.untilChange(i, Duration.ofMinutes(11))).isEqualTo(Duration.ofMinutes(1));
            }
            for (long minute = 12; minute < 100; minute++) {
                Duration t = Duration.ofMinutes(minute);
                assertThat(leaving.gone(i, t)).as("agent %d at %s", i, t).isEqualTo(gone.contains(i));
                assertThat(leaving.onDuty(i, t)).as("agent %d at %s", i, t)
                        .isEqualTo(!gone.contains(i) && pattern.onDuty(i, t));
            }
        }
        long before = IntStream.range(0, 12).filter(i -> leaving.onDuty(i, leaveAt.minusSeconds(1))).count();
        long after = IntStream.range(0, 12).filter(i -> leaving.onDuty(i, leaveAt)).count();
        assertThat(before - after).as("on duty just before and at the leaving").isGreaterThanOrEqualTo(3);
    }
}
