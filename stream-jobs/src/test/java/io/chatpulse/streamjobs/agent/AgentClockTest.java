package io.chatpulse.streamjobs.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.streamjobs.agent.AgentClock.MinuteTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentClockTest {

    private static final long M10_00 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    private static long at(int minute, int second) {
        return M10_00 + minute * 60_000L + second * 1_000L;
    }

    @Test
    void splitsOnlineOccupiedAndConversationTimeAtMinuteBoundaries() {
        AgentClock clock = AgentClock.startingAt(at(0, 0));
        List<MinuteTotals> rows = new ArrayList<>();
        rows.addAll(clock.online(at(0, 30), true));
        rows.addAll(clock.active(at(0, 45), 1));
        rows.addAll(clock.active(at(1, 10), 2));
        rows.addAll(clock.online(at(1, 40), false)); // away for 10 s: not counted
        rows.addAll(clock.online(at(1, 50), true));
        rows.addAll(clock.active(at(2, 0), 1));
        rows.addAll(clock.online(at(2, 15), false));
        rows.addAll(clock.advanceTo(at(5, 0)));

        assertThat(rows).containsExactly(
                new MinuteTotals(at(0, 0), 30_000, 15_000, 15_000),
                new MinuteTotals(at(1, 0), 50_000, 50_000, 10_000 + 2 * 30_000 + 2 * 10_000),
                new MinuteTotals(at(2, 0), 15_000, 15_000, 15_000));
    }

    @Test
    void aMinuteIsClosedExactlyAtItsEndAndOnlyOnce() {
        AgentClock clock = AgentClock.startingAt(at(0, 0));
        clock.online(at(0, 0), true);
        assertThat(clock.advanceTo(at(0, 59))).isEmpty();
        assertThat(clock.advanceTo(at(1, 0))).containsExactly(new MinuteTotals(at(0, 0), 60_000, 0, 0));
        assertThat(clock.advanceTo(at(1, 0))).isEmpty();
        assertThat(clock.advanceTo(at(3, 0))).containsExactly(
                new MinuteTotals(at(1, 0), 60_000, 0, 0), new MinuteTotals(at(2, 0), 60_000, 0, 0));
    }

    @Test
    void conversationsHeldWhileAwayOrOfflineCountNothing() {
        AgentClock clock = AgentClock.startingAt(at(0, 0));
        clock.active(at(0, 0), 3);
        assertThat(clock.advanceTo(at(10, 0))).isEmpty();
        assertThat(clock.counting()).isFalse();
        assertThat(clock.idle()).as("still holds conversations").isFalse();
    }

    @Test
    void aTimeBeforeTheLastChangeCountsAsThatTime() {
        AgentClock clock = AgentClock.startingAt(at(0, 0));
        clock.online(at(0, 20), true);
        clock.active(at(0, 10), 1); // late: applies at 0:20
        assertThat(clock.advanceTo(at(1, 0))).containsExactly(new MinuteTotals(at(0, 0), 40_000, 40_000, 40_000));
    }

    @Test
    void anAgentOfflineWithNothingOpenIsIdle() {
        AgentClock clock = AgentClock.startingAt(at(0, 0));
        clock.online(at(0, 0), true);
        clock.online(at(0, 30), false);
        assertThat(clock.idle()).as("the minute under way has online time").isFalse();
        assertThat(clock.counting()).isTrue();
        clock.advanceTo(at(1, 0));
        assertThat(clock.idle()).isTrue();
        assertThat(clock.counting()).isFalse();
    }
}
