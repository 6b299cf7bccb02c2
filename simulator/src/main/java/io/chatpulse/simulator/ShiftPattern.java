package io.chatpulse.simulator;

import java.time.Duration;

/**
 * Agents arriving and leaving: each works a shift, is off for a quarter of its length, and comes
 * back. Their cycles are spread evenly, so someone arrives or leaves every few minutes while
 * about four in five of the agents are on duty at any time, never all gone at once. Optionally,
 * at {@code leaveAt} the first {@code leaving} agents on duty then (by index) go for good: the
 * surge scenario's agents going away.
 */
public record ShiftPattern(int agents, Duration shift, Duration leaveAt, int leaving) {

    public ShiftPattern {
        if (agents < 1 || shift.isNegative() || shift.isZero()) {
            throw new IllegalArgumentException("at least one agent and a positive shift");
        }
        if (leaving < 0 || leaving > agents || (leaving > 0) != (leaveAt != null)) {
            throw new IllegalArgumentException("0 to all agents leaving, and a time to leave when some do");
        }
    }

    public ShiftPattern(int agents, Duration shift) {
        this(agents, shift, null, 0);
    }

    public Duration offDuty() {
        return shift.dividedBy(4);
    }

    /** Whether agent {@code index} (0-based) is on duty at {@code elapsed} into the run. */
    public boolean onDuty(int index, Duration elapsed) {
        return !gone(index, elapsed) && inShift(index, elapsed);
    }

    /** Whether agent {@code index} has left for good by {@code elapsed}: it never comes back. */
    public boolean gone(int index, Duration elapsed) {
        return leaving > 0 && elapsed.compareTo(leaveAt) >= 0 && leaves(index);
    }

    /**
     * Time from {@code elapsed} until agent {@code index} next arrives or leaves; for one that leaves
     * for good, at the latest its leaving time. Meaningless once it has gone.
     */
    public Duration untilChange(int index, Duration elapsed) {
        long position = position(index, elapsed);
        long shiftMillis = shift.toMillis();
        Duration regular = Duration.ofMillis(position < shiftMillis ? shiftMillis - position : cycleMillis() - position);
        if (leaving > 0 && elapsed.compareTo(leaveAt) < 0 && leaves(index)) {
            Duration untilLeaving = leaveAt.minus(elapsed);
            return untilLeaving.compareTo(regular) < 0 ? untilLeaving : regular;
        }
        return regular;
    }

    /** One of the first {@code leaving} agents, by index, in their shift at {@code leaveAt}. */
    private boolean leaves(int index) {
        if (!inShift(index, leaveAt)) {
            return false;
        }
        int before = 0;
        for (int i = 0; i < index; i++) {
            before += inShift(i, leaveAt) ? 1 : 0;
        }
        return before < leaving;
    }

    private boolean inShift(int index, Duration elapsed) {
        return position(index, elapsed) < shift.toMillis();
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
