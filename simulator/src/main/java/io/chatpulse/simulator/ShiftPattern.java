package io.chatpulse.simulator;

import java.time.Duration;

/**
 * Agents arriving and leaving: each works a shift, is off for a quarter of its length, and comes
 * back. Their cycles are spread evenly, so someone arrives or leaves every few minutes while
 * about four in five of the agents are on duty at any time, never all gone at once.
 */
public record ShiftPattern(int agents, Duration shift) {

    public ShiftPattern {
        if (agents < 1 || shift.isNegative() || shift.isZero()) {
            throw new IllegalArgumentException("at least one agent and a positive shift");
        }
    }

    public Duration offDuty() {
        return shift.dividedBy(4);
    }

    /** Whether agent {@code index} (0-based) is on duty at {@code elapsed} into the run. */
    public boolean onDuty(int index, Duration elapsed) {
        return position(index, elapsed) < shift.toMillis();
    }

    /** Time from {@code elapsed} until agent {@code index} next arrives or leaves. */
    public Duration untilChange(int index, Duration elapsed) {
        long position = position(index, elapsed);
        long shiftMillis = shift.toMillis();
        return Duration.ofMillis(position < shiftMillis ? shiftMillis - position : cycleMillis() - position);
    }

    /** Where in its cycle the agent is: agent i starts i / agents of a cycle ahead. */
    private long position(int index, Duration elapsed) {
        long cycle = cycleMillis();
        return Math.floorMod(elapsed.toMillis() + cycle * index / agents, cycle);
    }

    private long cycleMillis() {
        return shift.toMillis() + offDuty().toMillis();
    }
}
