package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import java.util.Optional;

/**
 * Handle time (metrics.md): from assignment to an agent to resolution or transfer away, per agent
 * episode. A transfer to another agent, to a queue, or a hand-back ends the episode as transferred;
 * the next assignment starts a new one. An assignment to another agent without a transfer event
 * before it is treated as a transfer, so an episode never stays open under a new assignee.
 */
public final class HandleTimeTracker {

    /** Applies one event; {@code where} already follows it. Returns the episode it completes, if any. */
    public Optional<HandleTime> apply(ConversationEvent event, HandleTimeState state, ConversationContext where) {
        Object payload = event.getPayload();
        if (payload instanceof AgentAssigned assigned) {
            if (assigned.getAgentId().equals(state.agentId)) {
                return Optional.empty();
            }
            Optional<HandleTime> previous = end(event, state, HandleTime.Ending.TRANSFERRED);
            state.agentId = assigned.getAgentId();
            state.assignedAt = event.getEventTime();
            state.queueId = where.queueOrEmpty();
            return previous;
        }
        if (payload instanceof ConversationTransferred || payload instanceof ConversationQueued) {
            return end(event, state, HandleTime.Ending.TRANSFERRED);
        }
        if (payload instanceof ConversationResolved) {
            return end(event, state, HandleTime.Ending.RESOLVED);
        }
        if (payload instanceof ConversationAbandoned) {
            state.agentId = null;
        }
        return Optional.empty();
    }

    private static Optional<HandleTime> end(ConversationEvent event, HandleTimeState state, HandleTime.Ending ending) {
        if (state.agentId == null) {
            return Optional.empty();
        }
        long endedAt = event.getEventTime();
        HandleTime episode = new HandleTime(event.getTenantId(), state.queueId, event.getConversationId(),
                state.agentId, state.assignedAt, endedAt, ending, Durations.between(state.assignedAt, endedAt));
        state.agentId = null;
        return Optional.of(episode);
    }
}
