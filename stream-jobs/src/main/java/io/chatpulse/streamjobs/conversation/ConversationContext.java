package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationTransferred;

/**
 * Where a conversation is: its queue (the one it is or was last in) and its assigned agent. A Flink
 * POJO; the figures attribute themselves to these.
 */
public class ConversationContext {
    /** Null until the conversation enters a queue (a bot may answer first). */
    public String queueId;
    /** The assigned human agent; null when none. */
    public String agentId;

    public ConversationContext() {
    }

    /** Follows one event; call it before the trackers so they see where the conversation is after it. */
    public void follow(ConversationEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof ConversationOpened opened) {
            queueId = opened.getQueueId();
        } else if (payload instanceof ConversationQueued queued) {
            queueId = queued.getQueueId();
            agentId = null;
        } else if (payload instanceof AgentAssigned assigned) {
            agentId = assigned.getAgentId();
            if (assigned.getQueueId() != null) {
                queueId = assigned.getQueueId();
            }
        } else if (payload instanceof ConversationTransferred transfer) {
            agentId = transfer.getToAgentId();
            if (transfer.getToQueueId() != null) {
                queueId = transfer.getToQueueId();
            }
        }
    }

    /** The queue as the tables store it: empty when the conversation never had one. */
    public String queueOrEmpty() {
        return queueId == null ? "" : queueId;
    }
}
