package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.ingest.DeadLetter;
import io.chatpulse.streamjobs.ingest.EventTimeQueue;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import io.chatpulse.streamjobs.qa.QaCheckResult;
import io.chatpulse.streamjobs.qa.QaScore;
import io.chatpulse.streamjobs.qa.ScorecardChanges;
import io.chatpulse.streamjobs.qa.Scorecards;
import io.chatpulse.streamjobs.topic.CatalogueChanges;
import io.chatpulse.streamjobs.topic.ConversationTopic;
import io.chatpulse.streamjobs.topic.MessageTopic;
import io.chatpulse.streamjobs.topic.TopicCatalogue;
import io.chatpulse.topiccatalogue.scorecard.InvalidScorecardException;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-conversation KPIs on Flink, keyed by conversation id: keeps each conversation's
 * {@link ConversationState} in a value state, lets the engine-free {@link ConversationKpis} apply
 * the event, and emits each completed figure as a {@link KpiRow}. An event id seen
 * before for the conversation ({@link SeenEventIds}) is skipped, so a redelivered event cannot
 * restart a clock.
 *
 * <p>Events are applied in event-time order. With a reorder window they wait in an
 * {@link EventTimeQueue} until the watermark (the window behind the newest event) passes them; without
 * one they are applied on arrival, as chat-core writes each conversation's events in order. An event
 * older than one its conversation has already applied would change figures already written: it goes
 * to {@link #LATE_EVENTS} (the dead-letter topic) with the reason, and the conversation goes on.
 *
 * <p>A conversation is forgotten once {@code stateTtl} of processing time has passed without an
 * event, by a timer of its own ({@link ForgetTimer}) rather than Flink's state TTL, whose wrapper and
 * sweep took a third of this function's time in a backfill. Processing time, as the TTL was: a history
 * import of old conversations into a live job must keep each one while its events arrive.
 *
 * <p>The tenants' topic catalogues start as the file's and change as the broadcast
 * {@link CatalogueChanges} arrive: a tenant's newer version replaces its topics for the messages
 * applied from then on, in every subtask, and is kept in the broadcast state so that a restored job
 * goes on with it. An invalid version is refused with a warning and the tenant keeps its topics. The
 * tenants' QA scorecards likewise start as the file's and change as the {@link ScorecardChanges} arrive
 * (the right side of the {@link DocumentChanges}): a newer version scores the conversations that end
 * from then on.
 */
public class ConversationKpiFunction
        extends KeyedBroadcastProcessFunction<String, ConversationEvent, Either<TopicCatalogueVersion, QaScorecardVersion>,
        KpiRow> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConversationKpiFunction.class);

    public static final OutputTag<DeadLetter> LATE_EVENTS = tag("late-events", DeadLetter.class);

    private final Duration stateTtl;
    private final BusinessCalendars calendars;
    private final Duration reorderWindow;
    private final TopicCatalogue topics;
    private final Scorecards scorecards;

    private transient ForgetTimer forget;
    private transient ConversationKpis kpis;
    private transient ValueState<ConversationState> conversations;
    private transient EventTimeQueue<ConversationEvent> pending;
    private transient boolean documentsRestored;

    /**
     * @param stateTtl how long a conversation's state outlives its last event (nothing says a
     *                 conversation is over for good; a reopen restarts its clocks itself)
     * @param calendars the queues' business hours, for the business-hours variants of the figures
     * @param reorderWindow zero: events are applied on arrival; else they wait for the watermark
     * @param topics every tenant's topic catalogue, to tag customer messages and conversations with
     * @param scorecards every tenant's QA scorecard, to score each ended conversation with
     */
    public ConversationKpiFunction(Duration stateTtl, BusinessCalendars calendars, Duration reorderWindow,
                                   TopicCatalogue topics, Scorecards scorecards) {
        this.stateTtl = stateTtl;
        this.calendars = calendars;
        this.reorderWindow = reorderWindow;
        this.topics = topics;
        this.scorecards = scorecards;
    }

    @Override
    public void open(OpenContext context) {
        TrustedEventClasses.install();
        kpis = new ConversationKpis(calendars, topics, scorecards);
        forget = new ForgetTimer(stateTtl);
        conversations = getRuntimeContext().getState(
                new ValueStateDescriptor<>("conversation", ConversationState.class));
        if (!reorderWindow.isZero()) {
            pending = EventTimeQueue.open(getRuntimeContext(), "pending", TypeInformation.of(ConversationEvent.class),
                    ttl(stateTtl));
        }
    }

    @Override
    public void processElement(ConversationEvent event, ReadOnlyContext ctx, Collector<KpiRow> out) throws Exception {
        restoreDocuments(ctx.getBroadcastState(CatalogueChanges.STATE), ctx.getBroadcastState(ScorecardChanges.STATE));
        if (pending == null) {
            applyInOrder(event, ctx, out);
        } else {
            pending.hold(event, event.getEventTime(), ctx.timerService());
        }
    }

    @Override
    public void processBroadcastElement(Either<TopicCatalogueVersion, QaScorecardVersion> change, Context ctx,
                                        Collector<KpiRow> out) throws Exception {
        restoreDocuments(ctx.getBroadcastState(CatalogueChanges.STATE), ctx.getBroadcastState(ScorecardChanges.STATE));
        if (change.isLeft()) {
            CatalogueChanges.accept(change.left(), ctx.getBroadcastState(CatalogueChanges.STATE), kpis::changeTopics);
        } else {
            changeScorecard(change.right(), ctx.getBroadcastState(ScorecardChanges.STATE));
        }
    }

    private void changeScorecard(QaScorecardVersion version, BroadcastState<String, QaScorecardVersion> held)
            throws Exception {
        if (!ScorecardChanges.isNewer(version, held.get(version.getTenantId()))) {
            return;
        }
        try {
            kpis.changeScorecard(version.getTenantId(), ScorecardChanges.scorecard(version));
        } catch (InvalidScorecardException e) {
            LOG.warn("QA scorecard version {} of {} refused, the tenant keeps its scorecard: {}", version.getVersion(),
                    version.getTenantId(), e.getMessage());
            return;
        }
        held.put(version.getTenantId(), version);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiRow> out) throws Exception {
        restoreDocuments(ctx.getBroadcastState(CatalogueChanges.STATE), ctx.getBroadcastState(ScorecardChanges.STATE));
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            ConversationState state = conversations.value();
            if (state != null && forget.isDue(state, timestamp)) {
                conversations.clear();
            }
            return;
        }
        for (ConversationEvent event : pending.takeDue(timestamp)) {
            applyInOrder(event, ctx, out);
        }
    }

    /** After a restore, the versions the job held (the broadcast state) replace the files' topics and scorecards once. */
    private void restoreDocuments(ReadOnlyBroadcastState<String, TopicCatalogueVersion> catalogues,
                                  ReadOnlyBroadcastState<String, QaScorecardVersion> scorecards) throws Exception {
        if (documentsRestored) {
            return;
        }
        documentsRestored = true;
        for (var version : catalogues.immutableEntries()) {
            kpis.changeTopics(version.getKey(), CatalogueChanges.topics(version.getValue()));
        }
        for (var version : scorecards.immutableEntries()) {
            kpis.changeScorecard(version.getKey(), ScorecardChanges.scorecard(version.getValue()));
        }
    }

    private void applyInOrder(ConversationEvent event, ReadOnlyContext ctx, Collector<KpiRow> out) throws Exception {
        ConversationState state = conversations.value();
        if (state == null) {
            state = new ConversationState();
        }
        if (!state.seen.firstTime(event.getEventId())) {
            return;
        }
        if (event.getEventTime() < state.appliedUpTo) {
            String reason = LateEvent.reason(event, state.appliedUpTo, reorderWindow);
            LOG.warn("to the dead-letter topic: {}", reason);
            ctx.output(LATE_EVENTS, DeadLetter.unapplied(event, reason));
        } else {
            state.appliedUpTo = event.getEventTime();
            kpis.apply(event, state, new Rows(out));
        }
        forget.keep(state, ctx.timerService());
        conversations.update(state);
    }

    /** Events held for the reorder window are swept one entry per state access (Flink's default is five). */
    private static StateTtlConfig ttl(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupIncrementally(1, false)
                .build();
    }

    private static <T> OutputTag<T> tag(String id, Class<T> type) {
        return new OutputTag<>(id, TypeInformation.of(type));
    }

    /** Each figure as a {@link KpiRow} of the function's output. */
    private record Rows(Collector<KpiRow> out) implements ConversationKpis.Figures {
        @Override
        public void queueWait(QueueWait figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void firstResponse(FirstResponse figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void replyTime(ReplyTime figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void resolution(Resolution figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void handleTime(HandleTime figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void csat(CsatRating figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void activity(Activity figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void channel(ConversationChannel figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void messageTopic(MessageTopic figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void conversationTopic(ConversationTopic figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void qaScore(QaScore figure) {
            out.collect(KpiRow.of(figure));
        }

        @Override
        public void qaCheck(QaCheckResult figure) {
            out.collect(KpiRow.of(figure));
        }
    }
}
