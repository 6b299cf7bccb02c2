package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;

/** What the source reads from one Kafka record: an event, or a dead letter. Exactly one is set. A Flink POJO. */
public class IngestedRecord {
    public ConversationEvent event;
    public DeadLetter deadLetter;

    public IngestedRecord() {
    }

    static IngestedRecord event(ConversationEvent event) {
        IngestedRecord record = new IngestedRecord();
        record.event = event;
        return record;
    }

    static IngestedRecord deadLetter(DeadLetter deadLetter) {
        IngestedRecord record = new IngestedRecord();
        record.deadLetter = deadLetter;
        return record;
    }

    /** Event time for watermarks; a dead letter has none and must not move the watermark. */
    public long eventTime() {
        return event != null ? event.getEventTime() : Long.MIN_VALUE;
    }
}
