package io.chatpulse.chatcore.conversation;

import io.chatpulse.chatcore.events.EventFactory;
import io.chatpulse.chatcore.events.EventPublisher;
import io.chatpulse.chatcore.idempotency.IdempotentCall;
import io.chatpulse.chatcore.live.LiveFeed;
import io.chatpulse.events.ConversationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * Makes a transition real: its events acknowledged by Kafka first (several in one transaction),
 * then the new state stored, then the live streams told.
 */
@Component
public class ConversationChanges {

    private final EventPublisher publisher;
    private final ConversationRepository repository;
    private final LiveFeed feed;

    public ConversationChanges(EventPublisher publisher, ConversationRepository repository, LiveFeed feed) {
        this.publisher = publisher;
        this.repository = repository;
        this.feed = feed;
    }

    /** A change nobody asked for under a key (routing, hand-backs, reassignment): fresh event ids. */
    public Conversation commit(Transition transition, Instant now) {
        return commit(transition, now, Optional.empty());
    }

    /** The change a request asked for: under an Idempotency-Key its event ids are the call's own. */
    public Conversation commit(Transition transition, Instant now, Optional<IdempotentCall> call) {
        Conversation next = transition.next();
        Conversation previous = repository.find(next.tenantId(), next.id()).orElse(null);
        List<ConversationEvent> events = EventFactory.conversationEvents(next.tenantId(), next.id(), now,
                transition.payloads(), call.<IntFunction<String>>map(c -> c::eventId).orElse(EventFactory.RANDOM_IDS));
        publisher.publishConversationEvents(events, next.waitTicket(),
                call.map(IdempotentCall::headers).orElse(List.of()));
        repository.save(next);
        feed.conversationChanged(previous, next, events);
        return next;
    }
}
