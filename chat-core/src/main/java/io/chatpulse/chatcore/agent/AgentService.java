package io.chatpulse.chatcore.agent;

import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationChanges;
import io.chatpulse.chatcore.conversation.ConversationLifecycle;
import io.chatpulse.chatcore.conversation.ConversationLocks;
import io.chatpulse.chatcore.conversation.ConversationRepository;
import io.chatpulse.chatcore.events.EventFactory;
import io.chatpulse.chatcore.events.EventPublisher;
import io.chatpulse.chatcore.events.EventsUnavailableException;
import io.chatpulse.chatcore.routing.Dispatcher;
import io.chatpulse.chatcore.idempotency.IdempotentCall;
import io.chatpulse.chatcore.live.LiveFeed;
import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Agents report their availability. An agent going away or offline hands the conversations they
 * hold back to their queues; an agent coming online, or with more capacity, gets waiting work.
 */
@Service
public class AgentService {

    private static final Logger log = LoggerFactory.getLogger(AgentService.class);
    static final int DEFAULT_CAPACITY = 5;

    private final AgentRepository agents;
    private final ConversationRepository conversations;
    private final ConversationLifecycle lifecycle;
    private final ConversationChanges changes;
    private final ConversationLocks locks;
    private final EventPublisher publisher;
    private final Dispatcher dispatcher;
    private final LiveFeed feed;
    private final Clock clock;

    public AgentService(AgentRepository agents, ConversationRepository conversations, ConversationLifecycle lifecycle,
            ConversationChanges changes, ConversationLocks locks, EventPublisher publisher, Dispatcher dispatcher,
            LiveFeed feed, Clock clock) {
        this.feed = feed;
        this.agents = agents;
        this.conversations = conversations;
        this.lifecycle = lifecycle;
        this.changes = changes;
        this.locks = locks;
        this.publisher = publisher;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public AgentView changeStatus(String tenantId, String agentId, AgentController.StatusRequest request) {
        Agent reported = new Agent(agentId, tenantId, AgentStatus.valueOf(request.status().name()),
                request.capacity() == null ? DEFAULT_CAPACITY : request.capacity(),
                request.skills() == null ? List.of() : List.copyOf(request.skills()));
        Optional<IdempotentCall> call = IdempotentCall.current();
        if (call.filter(IdempotentCall::inEventLog).isPresent()) {
            return get(tenantId, agentId); // recorded before a restart: answer only
        }
        locks.withRouting(tenantId, () -> {
            if (agents.find(tenantId, agentId).filter(reported::equals).isPresent()) {
                return null; // nothing changed: no event
            }
            Instant now = clock.instant();
            AgentEvent event = EventFactory.agentEvent(tenantId, agentId, now,
                    new AgentStatusChanged(reported.status(), reported.capacity(), reported.skills()),
                    call.map(c -> c.eventId(0)).orElseGet(() -> UUID.randomUUID().toString()));
            publisher.publishAgentEvent(event, call.map(IdempotentCall::headers).orElse(List.of()));
            agents.save(reported);
            feed.agentChanged(event);
            if (!reported.isOnline()) {
                handBack(tenantId, agentId);
            }
            return null;
        });
        dispatcher.dispatch(tenantId);
        return get(tenantId, agentId);
    }

    public AgentView get(String tenantId, String agentId) {
        Agent agent = agents.find(tenantId, agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        return new AgentView(agent.id(), agent.status(), agent.capacity(), agent.skills(),
                conversations.assignedTo(tenantId, agentId).size());
    }

    /** Best effort after the status change was recorded: what cannot be handed back now stays assigned. */
    private void handBack(String tenantId, String agentId) {
        try {
            for (Conversation held : conversations.assignedTo(tenantId, agentId)) {
                locks.withConversation(tenantId, held.id(), () -> {
                    Instant now = clock.instant();
                    Conversation current = conversations.find(tenantId, held.id()).orElseThrow();
                    return current.isAssignedTo(agentId) ? changes.commit(lifecycle.handBack(current, now), now) : current;
                });
            }
        } catch (EventsUnavailableException e) {
            log.warn("agent {} keeps some conversations for now: {}", agentId, e.getMessage());
        }
    }
}
