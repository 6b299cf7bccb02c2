package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;

/**
 * What a source reads from one Kafka record: a conversation event, an agent event, or a dead
 * letter. Exactly one is set. A Flink POJO.
 */
public class IngestedRecord {
    public ConversationEvent event;
    public AgentEvent agent;
    public DeadLetter deadLetter;

    public IngestedRecord() {
    }

    static IngestedRecord event(ConversationEvent event) {
        IngestedRecord record = new IngestedRecord();
        record.event = event;
        return record;
    }

    static IngestedRecord agent(AgentEvent agent) {
        IngestedRecord record = new IngestedRecord();
        record.agent = agent;
        return record;
    }

    static IngestedRecord deadLetter(DeadLetter deadLetter) {
        IngestedRecord record = new IngestedRecord();
        record.deadLetter = deadLetter;
        return record;
    }

    /** Event time for watermarks; a dead letter has none and must not move the watermark. */
    public long eventTime() {
        if (event != null) {
            return event.getEventTime();
        }
        return agent != null ? agent.getEventTime() : Long.MIN_VALUE;
    }
}
