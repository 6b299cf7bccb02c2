package io.chatpulse.streamjobs.history;

import java.util.ArrayList;
import java.util.List;

/** What the validation pass found: the events, the refused lines (the first few with their reason), the order. */
final class Validation {

    static final int REASONS_SHOWN = 20;

    private final List<LineProblem> firstProblems = new ArrayList<>();
    private long events;
    private long invalid;
    private long latestEventTime = Long.MIN_VALUE;
    private boolean inTimeOrder = true;

    void add(ImportLine line) {
        if (!line.isValid()) {
            invalid++;
            if (firstProblems.size() < REASONS_SHOWN) {
                firstProblems.add(line.problem());
            }
            return;
        }
        events++;
        long at = line.event().getEventTime();
        inTimeOrder &= at >= latestEventTime;
        latestEventTime = Math.max(latestEventTime, at);
    }

    long events() {
        return events;
    }

    long invalid() {
        return invalid;
    }

    /** Whether the valid events are already in event-time order, so they can be sent as they are read. */
    boolean inTimeOrder() {
        return inTimeOrder;
    }

    List<LineProblem> firstProblems() {
        return firstProblems;
    }
}
