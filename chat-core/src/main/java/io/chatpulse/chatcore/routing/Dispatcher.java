package io.chatpulse.chatcore.routing;

import io.chatpulse.chatcore.agent.AgentRepository;
import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationChanges;
import io.chatpulse.chatcore.conversation.ConversationLifecycle;
import io.chatpulse.chatcore.conversation.ConversationLocks;
import io.chatpulse.chatcore.conversation.ConversationRepository;
import io.chatpulse.chatcore.events.EventsUnavailableException;
import io.chatpulse.chatcore.queue.QueueCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assigns waiting conversations to free agents whenever work or capacity appears. Runs after the
 * change that triggered it was committed, so a failure here never undoes that change: the
 * conversations simply keep waiting until the next trigger.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ConversationRepository conversations;
    private final AgentRepository agents;
    private final ConversationLifecycle lifecycle;
    private final ConversationChanges changes;
    private final ConversationLocks locks;
    private final QueueCatalog queues;
    private final Clock clock;

    public Dispatcher(ConversationRepository conversations, AgentRepository agents, ConversationLifecycle lifecycle,
            ConversationChanges changes, ConversationLocks locks, QueueCatalog queues, Clock clock) {
        this.queues = queues;
        this.conversations = conversations;
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.changes = changes;
        this.locks = locks;
        this.clock = clock;
    }

    public void dispatch(String tenantId) {
        try {
            locks.withRouting(tenantId, () -> {
                var waiting = conversations.waiting(tenantId);
                if (!waiting.isEmpty()) {
                    Router.plan(waiting, agents.all(tenantId), load(tenantId), q -> queues.skillsOf(tenantId, q)).forEach(a -> assign(tenantId, a));
                }
                return null;
            });
        } catch (EventsUnavailableException e) {
            log.warn("routing in tenant {} postponed: {}", tenantId, e.getMessage());
        } catch (RuntimeException e) {
            // Never fail the call that triggered routing: its own change is already committed.
            log.error("routing in tenant {} failed", tenantId, e);
        }
    }

    /** Active conversations per agent. */
    public Map<String, Integer> load(String tenantId) {
        Map<String, Integer> load = new HashMap<>();
        conversations.assigned(tenantId).forEach(c -> load.merge(c.assigneeId(), 1, Integer::sum));
        return load;
    }

    private void assign(String tenantId, Router.Assignment assignment) {
        locks.withConversation(tenantId, assignment.conversationId(), () -> {
            Conversation waiting = conversations.find(tenantId, assignment.conversationId()).orElseThrow();
            if (!waiting.isWaiting()) {
                return waiting;
            }
            Instant now = clock.instant();
            return changes.commit(lifecycle.assign(waiting, assignment.agentId(), now), now);
        });
    }
}
