package io.chatpulse.streamjobs.queue;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.alert.QueueWaitForecastRule;
import io.chatpulse.streamjobs.alert.QueueWaitRule;
import io.chatpulse.streamjobs.alert.CsatDropRule;
import io.chatpulse.streamjobs.alert.FrtSpikeRule;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.conversation.FirstResponseTracker;
import io.chatpulse.streamjobs.forecast.ForecastSettings;
import io.chatpulse.streamjobs.forecast.Forecaster;
import io.chatpulse.streamjobs.forecast.QueueForecast;
import io.chatpulse.streamjobs.forecast.QueueTraffic;
import io.chatpulse.streamjobs.alert.VolumeSpikeRule;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
import org.apache.flink.util.OutputTag;

/**
 * The live state of a tenant's queues and the queue_wait, volume_spike, csat_drop and frt_spike alerts, keyed by tenant (so an agent
 * without skills, who serves every queue of the tenant, is one entry).
 *
 * <p>Everything happens in event-time timers, in event-time order: an event waits in
 * an {@link EventTimeBuffer} until the watermark passes its time, then changes the state; after every change,
 * and at every point where an alert can change without an event (the oldest wait reaching the
 * threshold, the end of a clear period, a queue opening or closing), the rules are evaluated; every
 * {@code tickMs} of event time a row per queue goes out. So a replay of history computes exactly what
 * the live run did, and live the figures move with the watermark, which moves with the clock while no
 * event comes ({@link io.chatpulse.streamjobs.ingest.LiveWatermarkGenerator}).
 *
 * <p>An alert state change goes to {@link #ALERTS}, marked replay when its event time is more than
 * {@code replayBoundMs} behind the processing clock; one still firing when the monitor is live again
 * is sent once more as live ({@link CatchUpPages}). Rows are written every tick while live; during
 * a replay only when a count changes, so replaying a month writes its changes, not 2.6 million
 * rows per queue.
 */
public class QueueMonitorFunction extends KeyedProcessFunction<String, MonitorInput, QueueSnapshot> {

    private static final long serialVersionUID = 1L;

    private static final long MINUTE = 60_000L;
    /** Longer than any baseline (volume_spike.baseline-days, 7 by default) plus its window. */
    private static final Duration COUNTS_KEPT = Duration.ofDays(15);

    public static final OutputTag<AlertRecord> ALERTS = new OutputTag<>("alerts", TypeInformation.of(AlertRecord.class));

    private final AlertRules rules;
    private final long replayBoundMs;
    private final long tickMs;
    private final Duration stateTtl;
    private final String dashboardUrl;
    /**
     * Long.MAX_VALUE for the live monitor. For the evaluation of one history import: the event time
     * after which it stops (its last event plus what a rule may still decide), every alert a replay
     * and none sent again as live.
     */
    private final long historyUntil;

    private transient EventTimeBuffer buffer;
    private transient IdleSweep sweep;
    private transient MapState<String, Waiting> waiting;
    private transient MapState<String, String> assignments;
    /** Conversations with an agent: the queue they were answered from and since when (their handle time). */
    private transient MapState<String, Waiting> handling;
    private transient MapState<String, AgentPresence> agents;
    private transient MapState<String, QueueStatus> queues;
    private transient ValueState<Long> evaluatedUpTo;
    private transient ValueState<Long> nextTick;
    /** Counts per queue and minute of event time, for the baselines of volume_spike, csat_drop and frt_spike. */
    private transient MinuteCounts perMinute;
    /** Where each conversation is and its first-response clock. */
    private transient MapState<String, ConversationTrack> tracks;
    private transient FirstResponseTracker firstResponses;
    private transient CatchUpPages catchUpPages;
    private transient QueueAlerts alerts;
    /** The event time of the tenant's first event: the baseline uses no day before it. */
    private transient ValueState<Long> historySince;

    /**
     * @param replayBoundMs how far behind the processing clock an alert's event time may be and still page
     * @param tickMs        event time between two rows of a queue
     * @param stateTtl      how long a conversation (its wait, assignment and handling) or an agent's status
     *                      is kept without a new event about it, in processing time (decision 33)
     * @param dashboardUrl  the supervisor dashboard; tenant and queue are added as {@code var-} parameters
     */
    public QueueMonitorFunction(AlertRules rules, Duration replayBound, Duration tick, Duration stateTtl,
                                String dashboardUrl) {
        this(rules, replayBound, tick, stateTtl, dashboardUrl, Long.MAX_VALUE);
    }

    private QueueMonitorFunction(AlertRules rules, Duration replayBound, Duration tick, Duration stateTtl,
                                 String dashboardUrl, long historyUntil) {
        this.rules = rules;
        this.replayBoundMs = replayBound.toMillis();
        this.tickMs = tick.toMillis();
        this.stateTtl = stateTtl;
        this.dashboardUrl = dashboardUrl;
        this.historyUntil = historyUntil;
    }

    /**
     * The same monitor over history alone (an import): it evaluates up to {@code until} (event time),
     * so that the end of its input, where the watermark jumps to the end of time, does not tick on
     * for ever; every alert it records is a replay.
     */
    public QueueMonitorFunction forHistoryUntil(long until) {
        return new QueueMonitorFunction(rules, Duration.ofMillis(replayBoundMs), Duration.ofMillis(tickMs), stateTtl,
                dashboardUrl, until);
    }

    private boolean history() {
        return historyUntil != Long.MAX_VALUE;
    }

    /** An event-time timer, unless it is past what a history evaluation looks at. */
    private void schedule(OnTimerContext ctx, long time) {
        if (time <= historyUntil) {
            ctx.timerService().registerEventTimeTimer(time);
        }
    }

    @Override
    public void open(OpenContext context) {
        TrustedEventClasses.install();
        buffer = EventTimeBuffer.open(getRuntimeContext());
        sweep = IdleSweep.open(getRuntimeContext(), stateTtl);
        waiting = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("waiting", Types.STRING, TypeInformation.of(Waiting.class)));
        assignments = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("assignments", Types.STRING, Types.STRING));
        handling = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("handling", Types.STRING, TypeInformation.of(Waiting.class)));
        agents = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("agents", Types.STRING, TypeInformation.of(AgentPresence.class)));
        queues = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("queues", Types.STRING, TypeInformation.of(QueueStatus.class)));
        evaluatedUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("evaluated-up-to", Types.LONG));
        nextTick = getRuntimeContext().getState(new ValueStateDescriptor<>("next-tick", Types.LONG));
        perMinute = MinuteCounts.open(getRuntimeContext());
        tracks = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("conversations", Types.STRING, TypeInformation.of(ConversationTrack.class)));
        // frt_spike watches the wall-clock FRT (metrics.md): no calendar.
        firstResponses = new FirstResponseTracker(BusinessCalendars.NONE);
        historySince = getRuntimeContext().getState(new ValueStateDescriptor<>("history-since", Types.LONG));
        alerts = new QueueAlerts(dashboardUrl);
        catchUpPages = new CatchUpPages(getRuntimeContext().getMapState(new MapStateDescriptor<>("unpaged-firings",
                Types.STRING, TypeInformation.of(AlertRecord.class))));
    }

    @Override
    public void processElement(MonitorInput input, Context ctx, Collector<QueueSnapshot> out) throws Exception {
        buffer.hold(input, ctx.timestamp(), ctx.timerService());
        sweep.keep(ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueueSnapshot> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            sweep.swept(ctx.timerService(), forgetIdle(ctx.timerService().currentProcessingTime()));
            return;
        }
        Long last = evaluatedUpTo.value();
        // A late event's timer may fire after a later one: the rules never step back in time.
        long at = last == null ? timestamp : Math.max(timestamp, last);
        for (MonitorInput input : buffer.takeDue(timestamp)) {
            if (historySince.value() == null) {
                historySince.update(timestamp);
            }
            apply(ctx.getCurrentKey(), input, ctx.timerService().currentProcessingTime());
        }
        Map<String, QueueLoad> loads = waitingByQueue();
        evaluateAlerts(ctx, at, loads);
        Long tick = nextTick.value();
        if (tick != null && timestamp == tick) {
            if (timestamp % MINUTE == 0) {
                evaluateMinuteRules(ctx, Math.floorDiv(at, MINUTE) * MINUTE);
            }
            writeRows(ctx, at, loads, out);
            if (!history()) {
                for (AlertRecord page : catchUpPages.dueAt(at, ctx.timerService().currentProcessingTime(),
                        this::clearing)) {
                    send(ctx, page);
                }
            }
            nextTick.clear();
        }
        // Rows go out every tick while the tenant has a queue to show; an event that brings the
        // first queue back starts the ticks again (here, when it is applied, not when it arrives).
        if (nextTick.value() == null && !queues.isEmpty()) {
            long next = tickAfter(at);
            nextTick.update(next);
            schedule(ctx, next);
        }
        evaluatedUpTo.update(at);
    }

    private long tickAfter(long at) {
        return (Math.floorDiv(at, tickMs) + 1) * tickMs;
    }

    // ---- the events -------------------------------------------------------------------------

    /** @param now processing time: what a conversation's or an agent's retention counts from */
    private void apply(String tenant, MonitorInput input, long now) throws Exception {
        if (input.conversation != null) {
            apply(tenant, input.conversation, now);
        } else if (input.agent.getPayload() instanceof AgentStatusChanged status) {
            applyStatus(input.agent.getAgentId(), status, now);
        }
    }

    /**
     * Waiting starts with a queueing or a transfer to a queue; an assignment, abandon or resolution ends it.
     * Handling (for the forecast's handle time, metrics.md's per agent episode) starts with an assignment
     * and ends with a resolution or a transfer away.
     */
    private void apply(String tenant, ConversationEvent event, long now) throws Exception {
        track(event, now);
        String conversation = event.getConversationId();
        Object payload = event.getPayload();
        long at = event.getEventTime();
        if (payload instanceof ConversationQueued queued) {
            assignments.remove(conversation);
            stopHandling(tenant, conversation, at);
            enterQueue(tenant, conversation, queued.getQueueId(), at);
        } else if (payload instanceof ConversationTransferred transfer) {
            Waiting handled = stopHandling(tenant, conversation, at);
            if (transfer.getToAgentId() != null) {
                Waiting answered = endWait(tenant, conversation, at, false);
                assignments.put(conversation, transfer.getToAgentId());
                startHandling(conversation, answered != null ? answered : handled, at);
            } else if (transfer.getToQueueId() != null) {
                assignments.remove(conversation);
                enterQueue(tenant, conversation, transfer.getToQueueId(), at);
            } else {
                assignments.remove(conversation);
            }
        } else if (payload instanceof AgentAssigned assigned) {
            Waiting answered = endWait(tenant, conversation, at, false);
            assignments.put(conversation, assigned.getAgentId());
            Waiting previous = stopHandling(tenant, conversation, at);
            startHandling(conversation, answered != null ? answered : previous, at);
        } else if (payload instanceof ConversationAbandoned) {
            endWait(tenant, conversation, at, true);
            assignments.remove(conversation);
            handling.remove(conversation);
        } else if (payload instanceof ConversationResolved) {
            waiting.remove(conversation);
            assignments.remove(conversation);
            stopHandling(tenant, conversation, at);
        }
    }

    /** Entering the queue it already waits in changes nothing: the wait goes on. */
    private void enterQueue(String tenant, String conversation, String queueId, long at) throws Exception {
        Waiting current = waiting.get(conversation);
        if (current != null && current.queueId.equals(queueId)) {
            return;
        }
        if (current != null) {
            measure(tenant, current.queueId, (traffic, settings) ->
                    traffic.waitEnded(at, at - current.queuedAt, false, settings.handleTimeWindowMs()));
        }
        waiting.put(conversation, new Waiting(queueId, at));
        count(MinuteCounts.ARRIVALS, queueId, at);
        measure(tenant, queueId, (traffic, settings) -> traffic.arrival(at, settings.arrivalWindowMs()));
    }

    /** The wait of the conversation ends (answered or given up); the wait it was, or null if it was not waiting. */
    private Waiting endWait(String tenant, String conversation, long at, boolean abandoned) throws Exception {
        Waiting ended = waiting.get(conversation);
        if (ended != null) {
            waiting.remove(conversation);
            measure(tenant, ended.queueId, (traffic, settings) ->
                    traffic.waitEnded(at, at - ended.queuedAt, abandoned, settings.handleTimeWindowMs()));
        }
        return ended;
    }

    /** An agent episode starts, credited to the queue the conversation was answered from (none: not measured). */
    private void startHandling(String conversation, Waiting from, long at) throws Exception {
        if (from != null) {
            handling.put(conversation, new Waiting(from.queueId, at));
        }
    }

    /** The agent episode ends: its handle time counts for its queue. */
    private Waiting stopHandling(String tenant, String conversation, long at) throws Exception {
        Waiting episode = handling.get(conversation);
        if (episode != null) {
            handling.remove(conversation);
            measure(tenant, episode.queueId, (traffic, settings) ->
                    traffic.handled(at, at - episode.queuedAt, settings.handleTimeWindowMs()));
        }
        return episode;
    }

    private void measure(String tenant, String queueId,
                         java.util.function.BiConsumer<QueueTraffic, ForecastSettings> what) throws Exception {
        knowQueue(queueId);
        QueueStatus status = queues.get(queueId);
        what.accept(status.traffic, rules.forecast(tenant, queueId));
        queues.put(queueId, status);
    }

    /** One more arrival, rating or negative rating of a queue in the minute of {@code at}. */
    private void count(String what, String queueId, long at) throws Exception {
        knowQueue(queueId);
        QueueStatus status = queues.get(queueId);
        status.lastCountedAt = Math.max(status.lastCountedAt, at);
        queues.put(queueId, status);
        perMinute.count(what, queueId, at);
    }

    /**
     * Follows where the conversation is and its first response; a rating counts for the queue the
     * conversation is or was last in (before any queue: for none), a first response for the queue at
     * the response, as in the KPI job's tables.
     */
    private void track(ConversationEvent event, long now) throws Exception {
        String conversation = event.getConversationId();
        ConversationTrack track = tracks.get(conversation);
        if (track == null) {
            track = new ConversationTrack();
        }
        track.where.follow(event);
        var response = firstResponses.apply(event, track.firstResponse, track.where);
        if (response.isPresent() && !response.get().queueId().isEmpty()) {
            respond(response.get().queueId(), response.get().respondedAt(), response.get().frtMs());
        }
        if (event.getPayload() instanceof CsatSubmitted csat && track.where.queueId != null) {
            rate(track.where.queueId, csat, event.getEventTime());
        }
        track.seenAt = now;
        tracks.put(conversation, track);
    }

    private void respond(String queueId, long at, long frtMs) throws Exception {
        count(MinuteCounts.FIRST_RESPONSES, queueId, at);
        perMinute.response(queueId, at, frtMs);
    }

    private void rate(String queueId, CsatSubmitted csat, long at) throws Exception {
        count(MinuteCounts.RATINGS, queueId, at);
        if (csat.getRating() <= 2) {
            count(MinuteCounts.NEGATIVE_RATINGS, queueId, at);
        }
    }

    private void applyStatus(String agentId, AgentStatusChanged status, long now) throws Exception {
        if (status.getStatus() == AgentStatus.OFFLINE) {
            agents.remove(agentId);
            return;
        }
        AgentPresence presence = new AgentPresence();
        presence.online = status.getStatus() == AgentStatus.ONLINE;
        presence.capacity = status.getCapacity();
        presence.skills = status.getSkills().stream().map(CharSequence::toString).toArray(String[]::new);
        presence.seenAt = now;
        agents.put(agentId, presence);
        for (String skill : presence.skills) {
            knowQueue(skill);
        }
    }

    private void knowQueue(String queueId) throws Exception {
        if (!queues.contains(queueId)) {
            queues.put(queueId, new QueueStatus());
        }
    }

    // ---- retention ---------------------------------------------------------------------------

    /**
     * The sweep at processing time {@code now} (decision 33): a conversation with no event for
     * {@code stateTtl} is forgotten with its wait, assignment and handling, an agent with no status
     * for as long too; the counts of minutes {@link #COUNTS_KEPT} behind the evaluated event time go
     * (all of them when the tenant's event time stood still for as long).
     * An entry restored from a checkpoint of the TTL version has no time yet: it gets this sweep's.
     *
     * @return whether anything is left to forget later
     */
    private boolean forgetIdle(long now) throws Exception {
        long idleSince = now - stateTtl.toMillis();
        for (Map.Entry<String, ConversationTrack> entry : toList(tracks.entries())) {
            ConversationTrack track = entry.getValue();
            if (track.seenAt == 0) {
                track.seenAt = now;
                tracks.put(entry.getKey(), track);
            } else if (track.seenAt <= idleSince) {
                tracks.remove(entry.getKey());
            }
        }
        // A wait, an assignment or an episode lives no longer than its conversation's track.
        for (MapState<String, ?> of : List.of(waiting, assignments, handling)) {
            for (String conversation : toList(of.keys())) {
                if (!tracks.contains(conversation)) {
                    of.remove(conversation);
                }
            }
        }
        for (Map.Entry<String, AgentPresence> entry : toList(agents.entries())) {
            AgentPresence presence = entry.getValue();
            if (presence.seenAt == 0) {
                presence.seenAt = now;
                agents.put(entry.getKey(), presence);
            } else if (presence.seenAt <= idleSince) {
                agents.remove(entry.getKey());
            }
        }
        // Counts come with an evaluation: none without an evaluated time.
        Long evaluated = evaluatedUpTo.value();
        boolean countsLeft = evaluated != null && perMinute.forget(now, evaluated, COUNTS_KEPT.toMillis());
        boolean idsLeft = buffer.forgetAt(now);
        return idsLeft || !tracks.isEmpty() || !agents.isEmpty() || countsLeft;
    }

    // ---- the figures ------------------------------------------------------------------------

    /** How many conversations wait in a queue and since when the longest has. */
    private static final class QueueLoad {
        int length;
        long oldestQueuedAt = Long.MAX_VALUE;

        OptionalLong oldest() {
            return length == 0 ? OptionalLong.empty() : OptionalLong.of(oldestQueuedAt);
        }
    }

    private Map<String, QueueLoad> waitingByQueue() throws Exception {
        Map<String, QueueLoad> loads = new HashMap<>();
        for (Waiting w : waiting.values()) {
            QueueLoad load = loads.computeIfAbsent(w.queueId, q -> new QueueLoad());
            load.length++;
            load.oldestQueuedAt = Math.min(load.oldestQueuedAt, w.queuedAt);
        }
        return loads;
    }

    private void evaluateAlerts(OnTimerContext ctx, long at, Map<String, QueueLoad> loads) throws Exception {
        String tenant = ctx.getCurrentKey();
        for (Map.Entry<String, QueueStatus> entry : new ArrayList<>(toList(queues.entries()))) {
            String queueId = entry.getKey();
            QueueStatus status = entry.getValue();
            QueueLoad load = loads.get(queueId);
            QueueWaitRule.Settings rule = rules.queueWait(tenant, queueId);
            QueueWaitRule.Evaluation evaluation = QueueWaitRule.evaluate(rule, status.queueWait, at,
                    load == null ? OptionalLong.empty() : load.oldest());
            if (evaluation.change().isPresent()) {
                send(ctx, alerts.queueWait(tenant, queueId, rule, evaluation.change().get(),
                        evaluation.oldestWaitMs(), isReplay(ctx, evaluation.change().get().at())));
            }
            evaluation.nextCheck().ifPresent(next -> schedule(ctx, Math.max(next, at + 1)));
            queues.put(queueId, status);
        }
    }

    /**
     * volume_spike, csat_drop and frt_spike at a minute boundary: the counts of the last window against the same
     * window of past days.
     */
    private void evaluateMinuteRules(OnTimerContext ctx, long at) throws Exception {
        String tenant = ctx.getCurrentKey();
        Long since = historySince.value();
        if (since == null) {
            return;
        }
        for (Map.Entry<String, QueueStatus> entry : toList(queues.entries())) {
            String queueId = entry.getKey();
            QueueStatus status = entry.getValue();
            VolumeSpikeRule.Settings rule = rules.volumeSpike(tenant, queueId);
            VolumeSpikeRule.Evaluation evaluation = VolumeSpikeRule.evaluate(rule, status.volumeSpike, at, since,
                    (from, to) -> perMinute.between(MinuteCounts.ARRIVALS, queueId, from, to));
            if (evaluation.change().isPresent()) {
                send(ctx, alerts.volumeSpike(tenant, queueId, rule, evaluation.change().get(), evaluation,
                        isReplay(ctx, evaluation.change().get().at())));
            }
            CsatDropRule.Settings csat = rules.csatDrop(tenant, queueId);
            CsatDropRule.Evaluation drop = CsatDropRule.evaluate(csat, status.csatDrop, at, since,
                    (from, to) -> perMinute.between(MinuteCounts.RATINGS, queueId, from, to),
                    (from, to) -> perMinute.between(MinuteCounts.NEGATIVE_RATINGS, queueId, from, to));
            if (drop.change().isPresent()) {
                send(ctx, alerts.csatDrop(tenant, queueId, csat, drop.change().get(), drop,
                        isReplay(ctx, drop.change().get().at())));
            }
            FrtSpikeRule.Settings frt = rules.frtSpike(tenant, queueId);
            FrtSpikeRule.Evaluation slow = FrtSpikeRule.evaluate(frt, status.frtSpike, at, since,
                    (from, to) -> perMinute.responsesBetween(queueId, from, to));
            if (slow.change().isPresent()) {
                send(ctx, alerts.frtSpike(tenant, queueId, frt, slow.change().get(), slow,
                        isReplay(ctx, slow.change().get().at())));
            }
            queues.put(queueId, status);
            long oldest = at / MINUTE - (Math.max(Math.max(rule.baselineDays(), csat.baselineDays()), frt.baselineDays())
                    + 1) * (VolumeSpikeRule.DAY / MINUTE);
            perMinute.forgetMinute(queueId, oldest);
        }
    }

    /** Whether a firing alert of a queue is back under its threshold, in its clear period. */
    private boolean clearing(AlertRecord firing) {
        try {
            QueueStatus status = queues.get(firing.scope().substring("queue:".length()));
            return status != null && status.state(firing.rule()).resolving();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the queue of " + firing.key(), e);
        }
    }

    private void send(OnTimerContext ctx, AlertRecord alert) throws Exception {
        ctx.output(ALERTS, alert);
        catchUpPages.sent(alert);
    }

    private boolean isReplay(OnTimerContext ctx, long eventTime) {
        return history() || eventTime < ctx.timerService().currentProcessingTime() - replayBoundMs;
    }

    private void writeRows(OnTimerContext ctx, long at, Map<String, QueueLoad> loads, Collector<QueueSnapshot> out)
            throws Exception {
        String tenant = ctx.getCurrentKey();
        Map<String, Integer> held = new HashMap<>();
        for (String agentId : assignments.values()) {
            held.merge(agentId, 1, Integer::sum);
        }
        List<Map.Entry<String, QueueStatus>> statuses = toList(queues.entries());
        Map<String, QueueAgents.Counts> staffed = staffing(tenant, at, held, statuses);
        boolean live = !isReplay(ctx, at);
        for (Map.Entry<String, QueueStatus> entry : statuses) {
            String queueId = entry.getKey();
            QueueStatus status = entry.getValue();
            QueueLoad load = loads.getOrDefault(queueId, new QueueLoad());
            QueueAgents.Counts agentCounts = staffed.get(queueId);
            int online = agentCounts.online();
            int available = agentCounts.available();
            int slots = agentCounts.slots();
            long oldestQueuedAt = load.length == 0 ? 0 : load.oldestQueuedAt;
            QueueSnapshot row = new QueueSnapshot(tenant, queueId, at, load.length,
                    load.length == 0 ? 0 : Math.max(0, at - oldestQueuedAt), oldestQueuedAt, online, available,
                    online - available, null);
            if (live || !status.sameCounts(row)) {
                status.traffic.watchFrom(at);
                row = row.withForecast(Forecaster.forecast(rules.forecast(tenant, queueId),
                        rules.queueWait(tenant, queueId).thresholdMs(), status.traffic,
                        new Forecaster.QueueNow(at, slots, online, load.length, oldestQueuedAt)));
                out.collect(row);
                if (live && !history()) {
                    evaluateForecastRule(ctx, tenant, queueId, status, at, row.forecast());
                }
                status.written(row);
            }
            if (status.dormant(at, Math.max(Math.max(rules.volumeSpike(tenant, queueId).windowMs(),
                    rules.csatDrop(tenant, queueId).windowMs()), rules.frtSpike(tenant, queueId).windowMs()))) {
                queues.remove(queueId);
            } else {
                queues.put(queueId, status);
            }
        }
    }

    /**
     * Each queue's agents online and available and its slots, a shared agent's apportioned by the
     * queues' offered loads now (decision 32): not counted in full in every queue he serves.
     */
    private Map<String, QueueAgents.Counts> staffing(String tenant, long at, Map<String, Integer> held,
                                                      List<Map.Entry<String, QueueStatus>> statuses) throws Exception {
        Map<String, Double> offered = new HashMap<>();
        for (Map.Entry<String, QueueStatus> queue : statuses) {
            offered.put(queue.getKey(), Forecaster.offeredLoad(rules.forecast(tenant, queue.getKey()),
                    queue.getValue().traffic, at));
        }
        Map<String, AgentPresence> byId = new HashMap<>();
        for (Map.Entry<String, AgentPresence> agent : agents.entries()) {
            byId.put(agent.getKey(), agent.getValue());
        }
        return QueueAgents.of(byId, held, offered.keySet(), offered);
    }

    /** queue_wait_forecast, on a live row's forecast (never on a replay's). */
    private void evaluateForecastRule(OnTimerContext ctx, String tenant, String queueId, QueueStatus status, long at,
                                      QueueForecast forecast) throws Exception {
        QueueWaitForecastRule.Settings rule = rules.queueWaitForecast(tenant, queueId);
        boolean breached = QueueWaitForecastRule.breached(rule.thresholdMs(), rule.level(), forecast.arrivalsPerHour(),
                forecast.unbounded(), forecast.waitOverThresholdProbability(), forecast.averageSpeedOfAnswerS());
        var change = QueueWaitForecastRule.evaluate(rule, status.queueWaitForecast, at, breached);
        if (change.isPresent()) {
            send(ctx, alerts.queueWaitForecast(tenant, queueId, rule, change.get(), forecast,
                    isReplay(ctx, change.get().at())));
        }
    }

    private static <T> List<T> toList(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

}
