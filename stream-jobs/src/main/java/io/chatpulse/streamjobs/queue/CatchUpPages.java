package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.alert.AlertChange;
import io.chatpulse.streamjobs.alert.AlertRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.api.common.state.MapState;

/**
 * Alerts that went FIRING while the monitor was reading history (replay: stored, not paged) and
 * have not resolved since. Once the monitor is live again, one that still fires is sent once more
 * as live, so that a customer still waiting after a restart or an outage of the monitor is paged;
 * one that resolved within the history pages no one.
 */
final class CatchUpPages {

    /**
     * How close to the clock a tick must be to show the state of now. Ticks within the replay bound
     * but further back may still be followed by history that resolves the alert; live ticks run a
     * second or two behind the clock.
     */
    static final long CAUGHT_UP_WITHIN_MS = 10_000;

    private final MapState<String, AlertRecord> unpaged;

    CatchUpPages(MapState<String, AlertRecord> unpaged) {
        this.unpaged = unpaged;
    }

    /** Follows every alert the monitor sends: a replayed firing is remembered, any other change forgets it. */
    void sent(AlertRecord alert) throws Exception {
        if (alert.state() == AlertChange.Kind.FIRING && alert.replay()) {
            unpaged.put(alert.key(), alert);
        } else {
            unpaged.remove(alert.key());
        }
    }

    /**
     * The live pages of the remembered firings at a tick {@code at} of the clock {@code now}: none
     * before the monitor has caught up; each is sent once. A firing already back under its threshold
     * (in its clear period: the customer was answered) is not paged: the history still to be read
     * resolves it, and a breach again before that pages at the next tick.
     */
    List<AlertRecord> dueAt(long at, long now, Predicate<AlertRecord> clearing) throws Exception {
        List<AlertRecord> pages = new ArrayList<>();
        if (at < now - CAUGHT_UP_WITHIN_MS) {
            return pages;
        }
        for (AlertRecord firing : toList(unpaged.values())) {
            if (!clearing.test(firing)) {
                pages.add(firing.stillFiringAt(at));
                unpaged.remove(firing.key());
            }
        }
        return pages;
    }

    private static List<AlertRecord> toList(Iterable<AlertRecord> firings) {
        List<AlertRecord> list = new ArrayList<>();
        firings.forEach(list::add);
        return list;
    }
}
