package io.chatpulse.streamjobs.conversation;

import io.chatpulse.streamjobs.qa.QaState;
import io.chatpulse.streamjobs.topic.TopicState;

/**
 * Everything the per-conversation KPIs keep about one conversation, in one Flink value state (one
 * read and one write per event, also on RocksDB). A POJO of POJOs, so fields can be added later
 * and old checkpoints still restore.
 */
public class ConversationState {
    public ConversationContext where = new ConversationContext();
    public QueueWaitState queueWait = new QueueWaitState();
    public FirstResponseState firstResponse = new FirstResponseState();
    public ReplyTimeState replyTime = new ReplyTimeState();
    public ResolutionState resolution = new ResolutionState();
    public HandleTimeState handleTime = new HandleTimeState();
    public SeenEventIds seen = new SeenEventIds();
    public TopicState topics = new TopicState();
    public QaState qa = new QaState();
    /** Event time of the newest event applied (epoch ms); 0 before the first. */
    public long appliedUpTo;
    /** Processing time (epoch ms) the conversation is forgotten at unless an event comes first; 0 before. */
    public long forgetAt;

    public ConversationState() {
    }
}
