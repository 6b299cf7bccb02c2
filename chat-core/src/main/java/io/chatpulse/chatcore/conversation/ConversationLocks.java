package io.chatpulse.chatcore.conversation;

import io.chatpulse.chatcore.events.EventsProperties;
import io.chatpulse.chatcore.events.EventsUnavailableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serializes changes so that a state is checked, its events acknowledged and the new state
 * stored without another change in between. A conversation's messages and rating take only its
 * own lock; whatever moves work between queues and agents takes the tenant's routing lock first
 * and then one conversation lock at a time, so locks never cross.
 */
@Component
public class ConversationLocks {

    private static final int STRIPES = 256;

    private final Map<String, ReentrantLock> routing = new ConcurrentHashMap<>();
    private final ReentrantLock[] conversations = new ReentrantLock[STRIPES];
    private final long waitNanos;

    public ConversationLocks(EventsProperties properties) {
        for (int i = 0; i < STRIPES; i++) {
            conversations[i] = new ReentrantLock();
        }
        // A change holds a lock while Kafka answers; waiting longer than that means Kafka is stuck.
        this.waitNanos = properties.ackTimeout().toNanos();
    }

    public <T> T withRouting(String tenantId, Supplier<T> change) {
        return with(routing.computeIfAbsent(tenantId, t -> new ReentrantLock()), change);
    }

    public <T> T withConversation(String tenantId, String conversationId, Supplier<T> change) {
        int stripe = Math.floorMod((tenantId + '/' + conversationId).hashCode(), STRIPES);
        return with(conversations[stripe], change);
    }

    private <T> T with(ReentrantLock lock, Supplier<T> change) {
        try {
            if (!lock.tryLock(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new EventsUnavailableException("busy waiting for earlier changes to be acknowledged", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailableException("interrupted", e);
        }
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }
}
