package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.conversation.ConversationContext;
import io.chatpulse.streamjobs.conversation.FirstResponseState;

/**
 * What the monitor follows of one conversation, with the KPI job's own engine-free classes: where it
 * is (its queue, credited with its CSAT rating as the KPI job credits it) and its first-response
 * clock (for frt_spike). A Flink POJO.
 */
public class ConversationTrack {
    public ConversationContext where = new ConversationContext();
    public FirstResponseState firstResponse = new FirstResponseState();
    /** Processing time of its last event, for the monitor's retention (decision 33); 0 in state from before it. */
    public long seenAt;

    public ConversationTrack() {
    }
}
