package io.chatpulse.chatcore.conversation;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import java.time.Instant;

/**
 * Rebuilds a conversation from its events, in log order, with the same transition methods the
 * lifecycle used when it emitted them. Events that only annotate a step (ConversationTransferred,
 * SurveyOffered) change nothing here: the event that follows them in the same call does.
 */
public final class ConversationReplay {

    private ConversationReplay() {
    }

    /**
     * @param current the state before this event, null before ConversationOpened
     * @param waitTicket the ticket recorded with a ConversationQueued event (record header)
     * @return the state after it, or {@code current} when the event does not apply (a gap in the log)
     */
    public static Conversation apply(Conversation current, ConversationEvent event, long waitTicket) {
        Instant at = Instant.ofEpochMilli(event.getEventTime());
        Object payload = event.getPayload();
        if (payload instanceof ConversationOpened opened) {
            return Conversation.opened(event.getConversationId(), event.getTenantId(), opened.getCustomerId(),
                    opened.getChannel(), at);
        }
        if (current == null) {
            return null;
        }
        if (payload instanceof ConversationQueued queued) {
            return current.enterQueue(queued.getQueueId(), at, waitTicket);
        }
        if (payload instanceof AgentAssigned assigned) {
            return current.assign(assigned.getAgentId(), at);
        }
        if (payload instanceof MessagePosted message) {
            return current.countMessage(message.getSender(), at);
        }
        if (payload instanceof ConversationResolved) {
            return current.resolve(at);
        }
        if (payload instanceof ConversationReopened) {
            return current.reopen();
        }
        if (payload instanceof ConversationAbandoned) {
            return current.abandon(at);
        }
        if (payload instanceof CsatSubmitted csat) {
            return current.rate(csat.getRating());
        }
        return current;
    }
}
