package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.ingest.EventTimeQueue;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * The monitor's inputs held until the watermark passes their event time, so that a keyed function
 * applies them in event-time order (live and in a replay alike), each event id once: a producer
 * retry applied again would count an arrival or an assignment twice. Redeliveries come within
 * minutes, so an id is remembered an hour: in two generations of an hour of processing time each,
 * the older cleared when a new one starts, so an id is kept one to two hours at the cost of one
 * clear an hour (decision 33; Flink's state TTL swept the whole map of the tenant on every access).
 */
public final class EventTimeBuffer {

    private static final long DEDUP_WINDOW_MS = Duration.ofHours(1).toMillis();

    private final EventTimeQueue<MonitorInput> pending;
    /** The ids seen in even and in odd hours (the first is the state the TTL version kept them in). */
    private final MapState<String, Boolean> seenEven;
    private final MapState<String, Boolean> seenOdd;
    /** The hour (processing time / window) of the newest id. */
    private final ValueState<Long> seenHour;

    private EventTimeBuffer(EventTimeQueue<MonitorInput> pending, MapState<String, Boolean> seenEven,
                            MapState<String, Boolean> seenOdd, ValueState<Long> seenHour) {
        this.pending = pending;
        this.seenEven = seenEven;
        this.seenOdd = seenOdd;
        this.seenHour = seenHour;
    }

    /**
     * The buffer's state in the function's keyed state (state names "pending", "seen-event-ids",
     * "seen-event-ids-odd" and "seen-hour").
     */
    public static EventTimeBuffer open(RuntimeContext context) {
        return new EventTimeBuffer(EventTimeQueue.open(context, "pending", TypeInformation.of(MonitorInput.class), null),
                context.getMapState(new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.BOOLEAN)),
                context.getMapState(new MapStateDescriptor<>("seen-event-ids-odd", Types.STRING, Types.BOOLEAN)),
                context.getState(new ValueStateDescriptor<>("seen-hour", Types.LONG)));
    }

    /** Holds an input until its time; an event id seen before is dropped. */
    public void hold(MonitorInput input, Long timestamp, TimerService timers) throws Exception {
        String eventId = input.conversation != null ? input.conversation.getEventId() : input.agent.getEventId();
        long hour = Math.floorDiv(timers.currentProcessingTime(), DEDUP_WINDOW_MS);
        turnOver(hour);
        if (seenEven.contains(eventId) || seenOdd.contains(eventId)) {
            return;
        }
        (hour % 2 == 0 ? seenEven : seenOdd).put(eventId, Boolean.TRUE);
        pending.hold(input, timestamp != null ? timestamp : input.eventTime(), timers);
    }

    /**
     * The ids of the hour before the last one seen and older are cleared, at processing time
     * {@code now} (the functions' idle sweep: a tenant gone quiet keeps no ids for long).
     *
     * @return whether any id is still remembered
     */
    public boolean forgetAt(long now) throws Exception {
        turnOver(Math.floorDiv(now, DEDUP_WINDOW_MS));
        return !seenEven.isEmpty() || !seenOdd.isEmpty();
    }

    /**
     * A new hour clears the generation it writes to, which holds the hour before the last or older;
     * after two hours both. Without an hour stored (a new tenant, or state from before decision 33)
     * nothing is cleared: what is there is at most two hours old.
     */
    private void turnOver(long hour) throws Exception {
        Long last = seenHour.value();
        if (last != null && hour <= last) {
            return;
        }
        if (last != null) {
            (hour % 2 == 0 ? seenEven : seenOdd).clear();
            if (hour - last >= 2) {
                (hour % 2 == 0 ? seenOdd : seenEven).clear();
            }
        }
        seenHour.update(hour);
    }

    /** The inputs of this timer's time, in arrival order, taken out of the buffer. */
    public List<MonitorInput> takeDue(long timestamp) throws Exception {
        return pending.takeDue(timestamp);
    }
}
