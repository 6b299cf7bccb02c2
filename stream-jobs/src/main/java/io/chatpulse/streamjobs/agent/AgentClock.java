package io.chatpulse.streamjobs.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * One agent's time, without Flink: whether they are online and how many conversations they hold,
 * integrated over event time and cut at minute boundaries (metrics.md, per agent): online time,
 * time occupied (online with at least one active conversation) and conversation time (active
 * conversations x time, while online). Every change first counts the time up to it with the state
 * before it, so a change never reaches back; a time before the last one counts as that time.
 * A Flink POJO.
 */
public class AgentClock {

    static final long MINUTE = 60_000L;

    /** The figures of one minute of event time that has ended; {@code minute} is its start (epoch ms). */
    public record MinuteTotals(long minute, long onlineMs, long occupiedMs, long conversationMs) {
    }

    public boolean online;
    public int active;
    /** Counted up to here; the figures below are of the minute that contains it. */
    public long countedUpTo;
    public long onlineMs;
    public long occupiedMs;
    public long conversationMs;

    public AgentClock() {
    }

    /** A clock that starts counting at {@code at}, offline with no conversation. */
    public static AgentClock startingAt(long at) {
        AgentClock clock = new AgentClock();
        clock.countedUpTo = at;
        return clock;
    }

    public List<MinuteTotals> online(long at, boolean online) {
        List<MinuteTotals> closed = advanceTo(at);
        this.online = online;
        return closed;
    }

    public List<MinuteTotals> active(long at, int active) {
        List<MinuteTotals> closed = advanceTo(at);
        this.active = active;
        return closed;
    }

    /** Counts the time up to {@code at}; returns the minutes that ended on the way with any online time. */
    public List<MinuteTotals> advanceTo(long at) {
        List<MinuteTotals> closed = new ArrayList<>();
        while (countedUpTo < at) {
            long minuteEnd = Math.floorDiv(countedUpTo, MINUTE) * MINUTE + MINUTE;
            long until = Math.min(at, minuteEnd);
            if (online) {
                count(until - countedUpTo);
            }
            countedUpTo = until;
            if (until == minuteEnd) {
                close(minuteEnd - MINUTE, closed);
                if (!online) {
                    countedUpTo = at; // nothing counts while not online: skip the minutes in between
                }
            }
        }
        return closed;
    }

    /** Not online and holding nothing, with no figures open: forgetting it loses nothing. */
    public boolean idle() {
        return !online && active == 0 && onlineMs == 0;
    }

    /** Whether the minute under way needs closing at its end (a tick): time is or was counted in it. */
    public boolean counting() {
        return online || onlineMs > 0;
    }

    private void count(long ms) {
        onlineMs += ms;
        if (active > 0) {
            occupiedMs += ms;
            conversationMs += ms * active;
        }
    }

    private void close(long minute, List<MinuteTotals> closed) {
        if (onlineMs > 0) {
            closed.add(new MinuteTotals(minute, onlineMs, occupiedMs, conversationMs));
        }
        onlineMs = 0;
        occupiedMs = 0;
        conversationMs = 0;
    }
}
