package io.chatpulse.streamjobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Elements of a keyed function held in its keyed state until the watermark passes their event time:
 * one event-time timer per distinct time, so that the function takes them out in event-time order
 * (the same live and in a replay), those of one time in arrival order.
 */
public final class EventTimeQueue<T> {

    private final MapState<Long, List<T>> pending;

    private EventTimeQueue(MapState<Long, List<T>> pending) {
        this.pending = pending;
    }

    /** The queue in the function's keyed state {@code name}; {@code ttl} null keeps it until taken. */
    public static <T> EventTimeQueue<T> open(RuntimeContext context, String name, TypeInformation<T> type,
                                             StateTtlConfig ttl) {
        MapStateDescriptor<Long, List<T>> descriptor = new MapStateDescriptor<>(name, Types.LONG, Types.LIST(type));
        if (ttl != null) {
            descriptor.enableTimeToLive(ttl);
        }
        return new EventTimeQueue<>(context.getMapState(descriptor));
    }

    /** Holds an element until the watermark reaches {@code eventTime}. */
    public void hold(T element, long eventTime, TimerService timers) throws Exception {
        List<T> due = pending.get(eventTime);
        if (due == null) {
            due = new ArrayList<>();
        }
        due.add(element);
        pending.put(eventTime, due);
        timers.registerEventTimeTimer(eventTime);
    }

    /** The elements of this timer's time, in arrival order, taken out of the queue. */
    public List<T> takeDue(long timestamp) throws Exception {
        List<T> due = pending.get(timestamp);
        if (due == null) {
            return List.of();
        }
        pending.remove(timestamp);
        return due;
    }
}
