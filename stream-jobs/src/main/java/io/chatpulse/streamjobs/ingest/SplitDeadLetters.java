package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Events go on; dead letters go to the {@link #DEAD_LETTERS} side output. */
public final class SplitDeadLetters extends ProcessFunction<IngestedRecord, ConversationEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    @Override
    public void processElement(IngestedRecord record, Context ctx, Collector<ConversationEvent> out) {
        if (record.event != null) {
            out.collect(record.event);
        } else {
            ctx.output(DEAD_LETTERS, record.deadLetter);
        }
    }
}
