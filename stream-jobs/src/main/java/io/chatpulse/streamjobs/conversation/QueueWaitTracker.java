package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import java.util.Optional;

/**
 * Queue wait per wait episode (metrics.md): from entering a queue to the first assignment to a
 * human agent; an abandon ends the episode as abandoned.
 *
 * <ul>
 *   <li>{@link ConversationQueued}, or a transfer to a queue, starts an episode. Entering the
 *       queue the conversation already waits in again changes nothing (the wait goes on);
 *       entering another queue while waiting moves the wait there, starting a new episode,
 *       because the new queue's figures must count only the time spent in it.</li>
 *   <li>{@link AgentAssigned}, or a transfer to an agent, answers the open episode.</li>
 *   <li>{@link ConversationAbandoned} ends it as abandoned, with no agent.</li>
 *   <li>{@link ConversationResolved} while waiting (e.g. closed by the system) ends it without a
 *       figure: it was neither answered nor abandoned.</li>
 * </ul>
 */
public final class QueueWaitTracker {

    /** Applies one event to the conversation's state; returns the wait it completes, if any. */
    public Optional<QueueWait> apply(ConversationEvent event, QueueWaitState state) {
        Object payload = event.getPayload();
        long at = event.getEventTime();
        if (payload instanceof ConversationQueued queued) {
            enter(state, queued.getQueueId(), at);
        } else if (payload instanceof ConversationTransferred transfer) {
            if (transfer.getToAgentId() != null) {
                return end(event, state, QueueWait.Outcome.ANSWERED, transfer.getToAgentId());
            }
            if (transfer.getToQueueId() != null) {
                enter(state, transfer.getToQueueId(), at);
            }
        } else if (payload instanceof AgentAssigned assigned) {
            return end(event, state, QueueWait.Outcome.ANSWERED, assigned.getAgentId());
        } else if (payload instanceof ConversationAbandoned) {
            return end(event, state, QueueWait.Outcome.ABANDONED, "");
        } else if (payload instanceof ConversationResolved) {
            state.waiting = false;
        }
        return Optional.empty();
    }

    private static void enter(QueueWaitState state, String queueId, long at) {
        if (state.waiting && queueId.equals(state.queueId)) {
            return;
        }
        state.waiting = true;
        state.queueId = queueId;
        state.queuedAt = at;
    }

    private static Optional<QueueWait> end(ConversationEvent event, QueueWaitState state,
                                           QueueWait.Outcome outcome, String agentId) {
        if (!state.waiting) {
            return Optional.empty();
        }
        state.waiting = false;
        long endedAt = event.getEventTime();
        return Optional.of(new QueueWait(event.getTenantId(), state.queueId, event.getConversationId(),
                state.queuedAt, endedAt, outcome, agentId, Durations.between(state.queuedAt, endedAt)));
    }
}
