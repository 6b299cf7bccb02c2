package io.chatpulse.chatcore.routing;

import io.chatpulse.chatcore.agent.AgentRepository;
import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationChanges;
import io.chatpulse.chatcore.conversation.ConversationLifecycle;
import io.chatpulse.chatcore.conversation.ConversationLocks;
import io.chatpulse.chatcore.conversation.ConversationRepository;
import io.chatpulse.chatcore.queue.QueueCatalog;
import io.chatpulse.chatcore.recovery.Readiness;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Auto-reassign: on a timer (time passes without events), conversations whose agent let the
 * customer wait too long are transferred to another agent (ConversationTransferred,
 * AgentAssigned). Off unless chatpulse.routing.reassign-after is set.
 */
@Component
public class Reassigner {

    private static final Logger log = LoggerFactory.getLogger(Reassigner.class);

    private final ConversationRepository conversations;
    private final AgentRepository agents;
    private final ConversationLifecycle lifecycle;
    private final ConversationChanges changes;
    private final ConversationLocks locks;
    private final Dispatcher dispatcher;
    private final QueueCatalog queues;
    private final RoutingProperties properties;
    private final Readiness readiness;
    private final Clock clock;

    public Reassigner(ConversationRepository conversations, AgentRepository agents, ConversationLifecycle lifecycle,
            ConversationChanges changes, ConversationLocks locks, Dispatcher dispatcher, QueueCatalog queues,
            RoutingProperties properties, Readiness readiness, Clock clock) {
        this.conversations = conversations;
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.changes = changes;
        this.locks = locks;
        this.dispatcher = dispatcher;
        this.queues = queues;
        this.properties = properties;
        this.readiness = readiness;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chatpulse.routing.reassign-check-interval:5s}")
    public void reassignOverdue() {
        if (properties.reassignAfter() == null || !readiness.isReady()) {
            return;
        }
        for (String tenantId : conversations.tenants()) {
            try {
                locks.withRouting(tenantId, () -> {
                    ReassignPolicy.plan(conversations.assigned(tenantId), agents.all(tenantId),
                            dispatcher.load(tenantId), q -> queues.skillsOf(tenantId, q), clock.instant(),
                            properties.reassignAfter()).forEach(move -> reassign(tenantId, move));
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn("auto-reassign in tenant {} postponed: {}", tenantId, e.getMessage());
            }
        }
    }

    private void reassign(String tenantId, Router.Assignment move) {
        locks.withConversation(tenantId, move.conversationId(), () -> {
            Instant now = clock.instant();
            Conversation current = conversations.find(tenantId, move.conversationId()).orElse(null);
            if (current == null || !ReassignPolicy.isOverdue(current, now, properties.reassignAfter())) {
                return current; // answered or moved meanwhile
            }
            log.info("conversation {} unanswered by {}; reassigned to {}", current.id(), current.assigneeId(),
                    move.agentId());
            return changes.commit(lifecycle.transferToAgent(current, move.agentId(), now), now);
        });
    }
}
