package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-conversation KPIs on Flink, keyed by conversation id: keeps each conversation's
 * {@link ConversationState} in a value state, lets the engine-free {@link ConversationKpis} apply
 * the event, and emits each completed figure to the side output of its table. An event id seen
 * before for the conversation ({@link SeenEventIds}) is skipped, so a redelivered event cannot
 * restart a clock.
 */
public class ConversationKpiFunction extends KeyedProcessFunction<String, ConversationEvent, Void> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QueueWait> QUEUE_WAITS = tag("queue-waits", QueueWait.class);
    public static final OutputTag<FirstResponse> FIRST_RESPONSES = tag("first-responses", FirstResponse.class);
    public static final OutputTag<ReplyTime> REPLY_TIMES = tag("reply-times", ReplyTime.class);
    public static final OutputTag<Resolution> RESOLUTIONS = tag("resolutions", Resolution.class);
    public static final OutputTag<HandleTime> HANDLE_TIMES = tag("handle-times", HandleTime.class);
    public static final OutputTag<CsatRating> CSAT_RATINGS = tag("csat-ratings", CsatRating.class);
    public static final OutputTag<Activity> ACTIVITY = tag("activity", Activity.class);
    public static final OutputTag<ConversationChannel> CHANNELS = tag("channels", ConversationChannel.class);

    private final Duration stateTtl;
    private final BusinessCalendars calendars;

    private transient ConversationKpis kpis;
    private transient ValueState<ConversationState> conversations;

    /**
     * @param stateTtl how long a conversation's state outlives its last event (nothing says a
     *                 conversation is over for good; a reopen restarts its clocks itself)
     * @param calendars the queues' business hours, for the business-hours variants of the figures
     */
    public ConversationKpiFunction(Duration stateTtl, BusinessCalendars calendars) {
        this.stateTtl = stateTtl;
        this.calendars = calendars;
    }

    @Override
    public void open(OpenContext context) {
        TrustedEventClasses.install();
        kpis = new ConversationKpis(calendars);
        ValueStateDescriptor<ConversationState> state =
                new ValueStateDescriptor<>("conversation", ConversationState.class);
        state.enableTimeToLive(ttl(stateTtl));
        conversations = getRuntimeContext().getState(state);
    }

    @Override
    public void processElement(ConversationEvent event, Context ctx, Collector<Void> out) throws Exception {
        ConversationState state = conversations.value();
        if (state == null) {
            state = new ConversationState();
        }
        if (!state.seen.firstTime(event.getEventId())) {
            return;
        }
        kpis.apply(event, state, new SideOutputs(ctx));
        conversations.update(state);
    }

    private static StateTtlConfig ttl(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
    }

    private static <T> OutputTag<T> tag(String id, Class<T> type) {
        return new OutputTag<>(id, TypeInformation.of(type));
    }

    private record SideOutputs(Context ctx) implements ConversationKpis.Figures {
        @Override
        public void queueWait(QueueWait row) {
            ctx.output(QUEUE_WAITS, row);
        }

        @Override
        public void firstResponse(FirstResponse row) {
            ctx.output(FIRST_RESPONSES, row);
        }

        @Override
        public void replyTime(ReplyTime row) {
            ctx.output(REPLY_TIMES, row);
        }

        @Override
        public void resolution(Resolution row) {
            ctx.output(RESOLUTIONS, row);
        }

        @Override
        public void handleTime(HandleTime row) {
            ctx.output(HANDLE_TIMES, row);
        }

        @Override
        public void csat(CsatRating row) {
            ctx.output(CSAT_RATINGS, row);
        }

        @Override
        public void activity(Activity row) {
            ctx.output(ACTIVITY, row);
        }

        @Override
        public void channel(ConversationChannel row) {
            ctx.output(CHANNELS, row);
        }
    }
}
