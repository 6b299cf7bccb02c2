package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Events go on; dead letters go to the {@link #DEAD_LETTERS} side output. */
public abstract class SplitDeadLetters<T> extends ProcessFunction<IngestedRecord, T> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    public static SplitDeadLetters<ConversationEvent> conversations() {
        return new SplitDeadLetters<>() {
            private static final long serialVersionUID = 1L;

            @Override
            ConversationEvent event(IngestedRecord record) {
                return record.event;
            }
        };
    }

    public static SplitDeadLetters<AgentEvent> agents() {
        return new SplitDeadLetters<>() {
            private static final long serialVersionUID = 1L;

            @Override
            AgentEvent event(IngestedRecord record) {
                return record.agent;
            }
        };
    }

    /** The event of the record, null for a dead letter. */
    abstract T event(IngestedRecord record);

    @Override
    public void processElement(IngestedRecord record, Context ctx, Collector<T> out) {
        T event = event(record);
        if (event != null) {
            out.collect(event);
        } else {
            ctx.output(DEAD_LETTERS, record.deadLetter);
        }
    }
}
