package io.chatpulse.streamjobs.agent;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import io.chatpulse.streamjobs.queue.EventTimeBuffer;
import io.chatpulse.streamjobs.queue.IdleSweep;
import io.chatpulse.streamjobs.queue.MonitorInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Online time, occupancy and concurrency of a tenant's agents (metrics.md, per agent), keyed by
 * tenant on the queue monitor's input: each agent's status and the conversations assigned to them
 * drive an {@link AgentClock}; every minute of event time a row per agent online in it goes out.
 *
 * <p>As in the queue monitor, an event waits in an {@link EventTimeBuffer} until the watermark passes
 * its time and is then applied in event-time order, and minutes close in event-time timers, so a replay
 * writes the same rows; live, the watermark follows the clock while no event comes, so a minute
 * closes on time. A repeated event id (within an hour) is applied once.
 */
public class AgentTimeFunction extends KeyedProcessFunction<String, MonitorInput, AgentMinute> {

    private static final long serialVersionUID = 1L;

    private final Duration stateTtl;

    private transient EventTimeBuffer buffer;
    private transient IdleSweep sweep;
    /** Conversation -> the agent it is assigned to, while active. */
    private transient MapState<String, String> assignments;
    /**
     * Conversation -> the processing time of its assignment, for the retention (decision 33); a map of
     * its own so that the assignments restore from a checkpoint of the TTL version.
     */
    private transient MapState<String, Long> assignedAt;
    private transient MapState<String, AgentClock> clocks;
    private transient ValueState<Long> nextMinute;

    /** @param stateTtl how long an assignment is kept without a new assignment of its conversation (processing time) */
    public AgentTimeFunction(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext context) {
        TrustedEventClasses.install();
        buffer = EventTimeBuffer.open(getRuntimeContext());
        sweep = IdleSweep.open(getRuntimeContext(), stateTtl);
        assignments = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("assignments", Types.STRING, Types.STRING));
        assignedAt = getRuntimeContext().getMapState(new MapStateDescriptor<>("assigned-at", Types.STRING, Types.LONG));
        clocks = getRuntimeContext().getMapState(new MapStateDescriptor<>("clocks", Types.STRING,
                TypeInformation.of(AgentClock.class)));
        nextMinute = getRuntimeContext().getState(new ValueStateDescriptor<>("next-minute", Types.LONG));
    }

    @Override
    public void processElement(MonitorInput input, Context ctx, Collector<AgentMinute> out) throws Exception {
        buffer.hold(input, ctx.timestamp(), ctx.timerService());
        sweep.keep(ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AgentMinute> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            sweep.swept(ctx.timerService(), forgetIdle(ctx.timerService().currentProcessingTime()));
            return;
        }
        Minutes minutes = new Minutes(ctx.getCurrentKey(), out);
        Long tick = nextMinute.value();
        if (tick != null && tick == timestamp) {
            closeMinute(timestamp, minutes);
            nextMinute.clear();
        }
        for (MonitorInput input : buffer.takeDue(timestamp)) {
            apply(input, timestamp, ctx.timerService().currentProcessingTime(), minutes);
        }
        if (nextMinute.value() == null && anyCounting()) {
            long next = (Math.floorDiv(timestamp, AgentClock.MINUTE) + 1) * AgentClock.MINUTE;
            nextMinute.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    /**
     * Closes the minute ending at {@code end} for every agent. The active counts are taken again
     * from the assignments, so one dropped by the retention sweep stops counting.
     */
    private void closeMinute(long end, Minutes minutes) throws Exception {
        Map<String, Integer> held = new HashMap<>();
        for (String agentId : assignments.values()) {
            held.merge(agentId, 1, Integer::sum);
        }
        for (Map.Entry<String, AgentClock> entry : toList(clocks.entries())) {
            AgentClock clock = entry.getValue();
            minutes.emit(entry.getKey(), clock.active(end, held.getOrDefault(entry.getKey(), 0)));
            store(entry.getKey(), clock);
        }
    }

    private boolean anyCounting() throws Exception {
        for (AgentClock clock : clocks.values()) {
            if (clock.counting()) {
                return true;
            }
        }
        return false;
    }

    // ---- the events -------------------------------------------------------------------------

    private void apply(MonitorInput input, long at, long now, Minutes minutes) throws Exception {
        if (input.conversation != null) {
            apply(input.conversation, at, now, minutes);
        } else if (input.agent.getPayload() instanceof AgentStatusChanged status) {
            String agentId = input.agent.getAgentId();
            AgentClock clock = clockOf(agentId, at);
            minutes.emit(agentId, clock.online(at, status.getStatus() == AgentStatus.ONLINE));
            store(agentId, clock);
        }
    }

    /** As the queue monitor follows assignment: an assignment or transfer to an agent starts it, anything else ends it. */
    private void apply(ConversationEvent event, long at, long now, Minutes minutes) throws Exception {
        String conversation = event.getConversationId();
        Object payload = event.getPayload();
        if (payload instanceof AgentAssigned assigned) {
            assign(conversation, assigned.getAgentId(), at, now, minutes);
        } else if (payload instanceof ConversationTransferred transfer) {
            assign(conversation, transfer.getToAgentId(), at, now, minutes);
        } else if (payload instanceof ConversationQueued || payload instanceof ConversationResolved
                || payload instanceof ConversationAbandoned) {
            assign(conversation, null, at, now, minutes);
        }
    }

    /** Moves the conversation to {@code agentId} (null: to nobody). */
    private void assign(String conversation, String agentId, long at, long now, Minutes minutes) throws Exception {
        String previous = assignments.get(conversation);
        if (Objects.equals(previous, agentId)) {
            return;
        }
        if (previous != null) {
            hold(previous, -1, at, minutes);
        }
        if (agentId == null) {
            assignments.remove(conversation);
            assignedAt.remove(conversation);
        } else {
            assignments.put(conversation, agentId);
            assignedAt.put(conversation, now);
            hold(agentId, 1, at, minutes);
        }
    }

    /**
     * The sweep at processing time {@code now} (decision 33): an assignment older than {@code stateTtl}
     * is dropped (the next minute's active count no longer has it). One restored from a checkpoint of
     * the TTL version has no time yet: it gets this sweep's.
     *
     * @return whether anything is left to forget later
     */
    private boolean forgetIdle(long now) throws Exception {
        long before = now - stateTtl.toMillis();
        for (String conversation : toList(assignments.keys())) {
            Long at = assignedAt.get(conversation);
            if (at == null) {
                assignedAt.put(conversation, now);
            } else if (at <= before) {
                assignments.remove(conversation);
                assignedAt.remove(conversation);
            }
        }
        boolean idsLeft = buffer.forgetAt(now);
        return idsLeft || !assignments.isEmpty();
    }

    private void hold(String agentId, int change, long at, Minutes minutes) throws Exception {
        AgentClock clock = clockOf(agentId, at);
        minutes.emit(agentId, clock.active(at, clock.active + change));
        store(agentId, clock);
    }

    private AgentClock clockOf(String agentId, long at) throws Exception {
        AgentClock clock = clocks.get(agentId);
        return clock != null ? clock : AgentClock.startingAt(at);
    }

    /** An idle clock is forgotten: a new one starting later counts the same. */
    private void store(String agentId, AgentClock clock) throws Exception {
        if (clock.idle()) {
            clocks.remove(agentId);
        } else {
            clocks.put(agentId, clock);
        }
    }

    /** Turns an agent's closed minutes into rows of the tenant. */
    private record Minutes(String tenantId, Collector<AgentMinute> out) {
        void emit(String agentId, List<AgentClock.MinuteTotals> closed) {
            for (AgentClock.MinuteTotals m : closed) {
                out.collect(new AgentMinute(tenantId, agentId, m.minute(), m.onlineMs(), m.occupiedMs(),
                        m.conversationMs()));
            }
        }
    }

    private static <T> List<T> toList(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
