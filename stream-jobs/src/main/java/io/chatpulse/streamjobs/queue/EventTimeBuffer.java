package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.ingest.EventTimeQueue;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * The monitor's inputs held until the watermark passes their event time, so that a keyed function
 * applies them in event-time order (live and in a replay alike), each event id once: a producer
 * retry applied again would count an arrival or an assignment twice. Redeliveries come within
 * minutes, so an id is remembered an hour.
 */
public final class EventTimeBuffer {

    private static final Duration DEDUP_WINDOW = Duration.ofHours(1);

    private final EventTimeQueue<MonitorInput> pending;
    private final MapState<String, Boolean> seenEventIds;

    private EventTimeBuffer(EventTimeQueue<MonitorInput> pending, MapState<String, Boolean> seenEventIds) {
        this.pending = pending;
        this.seenEventIds = seenEventIds;
    }

    /** The buffer's state in the function's keyed state (state names "pending" and "seen-event-ids"). */
    public static EventTimeBuffer open(RuntimeContext context) {
        MapStateDescriptor<String, Boolean> seen = new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.BOOLEAN);
        seen.enableTimeToLive(StateTtlConfig.newBuilder(DEDUP_WINDOW).build());
        return new EventTimeBuffer(EventTimeQueue.open(context, "pending", TypeInformation.of(MonitorInput.class), null),
                context.getMapState(seen));
    }

    /** Holds an input until its time; an event id seen before is dropped. */
    public void hold(MonitorInput input, Long timestamp, TimerService timers) throws Exception {
        String eventId = input.conversation != null ? input.conversation.getEventId() : input.agent.getEventId();
        if (seenEventIds.contains(eventId)) {
            return;
        }
        seenEventIds.put(eventId, Boolean.TRUE);
        pending.hold(input, timestamp != null ? timestamp : input.eventTime(), timers);
    }

    /** The inputs of this timer's time, in arrival order, taken out of the buffer. */
    public List<MonitorInput> takeDue(long timestamp) throws Exception {
        return pending.takeDue(timestamp);
    }
}
