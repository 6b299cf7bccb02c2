package io.chatpulse.chatcore.conversation;

import io.chatpulse.chatcore.agent.AgentRepository;
import io.chatpulse.chatcore.conversation.ConversationRequests.ApiReopener;
import io.chatpulse.chatcore.conversation.ConversationRequests.ApiSender;
import io.chatpulse.chatcore.idempotency.KeyAlreadyUsedException;
import io.chatpulse.chatcore.idempotency.IdempotentCall;
import io.chatpulse.chatcore.routing.Dispatcher;
import io.chatpulse.chatcore.routing.Router;
import io.chatpulse.chatcore.web.InvalidFieldException;
import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.Channel;
import io.chatpulse.events.SenderKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;

/**
 * The conversation use cases. Each checks the action against the current state, has Kafka
 * acknowledge the events and only then stores the new state; whatever may free an agent or fill
 * a queue is followed by routing.
 */
@Service
public class ConversationService {

    private final ConversationRepository repository;
    private final ConversationLifecycle lifecycle;
    private final ConversationChanges changes;
    private final ConversationLocks locks;
    private final Dispatcher dispatcher;
    private final AgentRepository agents;
    private final ConversationProperties properties;
    private final Clock clock;

    public ConversationService(ConversationRepository repository, ConversationLifecycle lifecycle,
            ConversationChanges changes, ConversationLocks locks, Dispatcher dispatcher, AgentRepository agents,
            ConversationProperties properties, Clock clock) {
        this.repository = repository;
        this.lifecycle = lifecycle;
        this.changes = changes;
        this.locks = locks;
        this.dispatcher = dispatcher;
        this.agents = agents;
        this.properties = properties;
        this.clock = clock;
    }

    public ConversationView open(String tenantId, ConversationRequests.Open request) {
        boolean botFirst = Boolean.TRUE.equals(request.botFirst());
        if (!botFirst && (request.queueId() == null || request.queueId().isBlank())) {
            throw new InvalidFieldException("queueId", "must not be blank unless botFirst is true");
        }
        Optional<IdempotentCall> call = IdempotentCall.current();
        String id = call.map(IdempotentCall::conversationId).orElseGet(() -> UUID.randomUUID().toString());
        if (call.filter(IdempotentCall::inEventLog).isPresent()) {
            return get(tenantId, id);
        }
        if (repository.find(tenantId, id).isPresent()) {
            // Only a key used again after its answer was forgotten can name an existing conversation.
            throw new KeyAlreadyUsedException("already opened conversation " + id + "; use a new key");
        }
        locks.withRouting(tenantId, () -> {
            Instant now = clock.instant();
            return changes.commit(lifecycle.open(id, tenantId, request.customerId(),
                    Channel.valueOf(request.channel().name()), botFirst ? null : request.queueId(), now), now, call);
        });
        dispatcher.dispatch(tenantId);
        return get(tenantId, id);
    }

    public ConversationView get(String tenantId, String id) {
        Conversation c = load(tenantId, id);
        return ConversationView.of(c, Router.positionOf(c, repository.waiting(tenantId)));
    }

    public String postMessage(String tenantId, String id, ConversationRequests.PostMessage request) {
        MessageContent content = MessageRules.content(request, properties);
        if (request.sender() == ApiSender.AGENT && (request.agentId() == null || request.agentId().isBlank())) {
            throw new InvalidFieldException("agentId", "is required when sender is AGENT");
        }
        String messageId = IdempotentCall.current().map(IdempotentCall::messageId)
                .orElseGet(() -> UUID.randomUUID().toString());
        change(tenantId, id, (c, now) -> lifecycle.postMessage(c, messageId,
                SenderKind.valueOf(request.sender().name()), request.agentId(), content, now));
        return messageId;
    }

    public ConversationView assign(String tenantId, String id, String agentId) {
        return routed(tenantId, id, (c, now) -> {
            requireAvailable(tenantId, agentId);
            return lifecycle.assign(c, agentId, now);
        });
    }

    public ConversationView resolve(String tenantId, String id) {
        return routed(tenantId, id, (c, now) -> lifecycle.resolve(c, now));
    }

    public Conversation submitCsat(String tenantId, String id, int rating, String comment) {
        return change(tenantId, id, (c, now) -> lifecycle.submitCsat(c, rating, comment));
    }

    public ConversationView transfer(String tenantId, String id, ConversationRequests.Transfer request) {
        boolean toAgent = request.toAgentId() != null && !request.toAgentId().isBlank();
        boolean toQueue = request.toQueueId() != null && !request.toQueueId().isBlank();
        if (toAgent == toQueue) {
            throw new InvalidFieldException(toAgent ? "toQueueId" : "toAgentId",
                    "give exactly one of toAgentId and toQueueId");
        }
        return routed(tenantId, id, (c, now) -> {
            if (!toAgent) {
                return lifecycle.transferToQueue(c, request.toQueueId(), now);
            }
            requireAvailable(tenantId, request.toAgentId());
            return lifecycle.transferToAgent(c, request.toAgentId(), now);
        });
    }

    public ConversationView reopen(String tenantId, String id, ConversationRequests.Reopen request) {
        SenderKind by = request.reopenedBy() == ApiReopener.AGENT ? SenderKind.AGENT : SenderKind.CUSTOMER;
        if (by == SenderKind.AGENT && (request.agentId() == null || request.agentId().isBlank())) {
            throw new InvalidFieldException("agentId", "is required when reopenedBy is AGENT");
        }
        return routed(tenantId, id, (c, now) -> {
            if (by == SenderKind.AGENT) {
                requireAvailable(tenantId, request.agentId());
            }
            return lifecycle.reopen(c, by, request.agentId(), now);
        });
    }

    public ConversationView abandon(String tenantId, String id, ConversationRequests.Abandon request) {
        AbandonReason reason = request.reason() == null
                ? AbandonReason.CUSTOMER_LEFT : AbandonReason.valueOf(request.reason().name());
        return routed(tenantId, id, (c, now) -> lifecycle.abandon(c, reason, now));
    }

    public ConversationView handOff(String tenantId, String id, String queueId) {
        return routed(tenantId, id, (c, now) -> lifecycle.handOffFromBot(c, queueId, now));
    }

    /**
     * Work is given by hand only to agents who are online, or who never reported a status (a
     * supervisor may assign people the routing does not know). Capacity is not checked here.
     */
    private void requireAvailable(String tenantId, String agentId) {
        agents.find(tenantId, agentId).filter(a -> !a.isOnline()).ifPresent(a -> {
            throw new ActionNotAllowedException("agent " + agentId + " is " + a.status());
        });
    }

    /** A change that may move work between queues and agents: routing lock, then routing. */
    private ConversationView routed(String tenantId, String id, BiFunction<Conversation, Instant, Transition> action) {
        locks.withRouting(tenantId, () -> change(tenantId, id, action));
        dispatcher.dispatch(tenantId);
        return get(tenantId, id);
    }

    /** A call whose events the log already holds (read back at start-up) only answers with the conversation. */
    private Conversation change(String tenantId, String id, BiFunction<Conversation, Instant, Transition> action) {
        Optional<IdempotentCall> call = IdempotentCall.current();
        if (call.filter(IdempotentCall::inEventLog).isPresent()) {
            return load(tenantId, id);
        }
        return locks.withConversation(tenantId, id, () -> {
            Instant now = clock.instant();
            return changes.commit(action.apply(load(tenantId, id), now), now, call);
        });
    }

    private Conversation load(String tenantId, String id) {
        return repository.find(tenantId, id).orElseThrow(() -> new ConversationNotFoundException(id));
    }
}
