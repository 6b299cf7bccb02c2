package io.chatpulse.chatcore.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * First answers to requests that carried an Idempotency-Key, per tenant and key, kept in memory
 * for a retention period and up to a bounded number (oldest forgotten first).
 */
@Component
public class IdempotencyStore {

    /** The first answer, and what the request was, so a reused key with another request is refused. */
    public record Answer(String requestFingerprint, int status, String contentType, byte[] body, String location,
            Instant at) {
    }

    private final Map<String, Answer> answers;
    private final Map<String, ReentrantLock> inFlight = new ConcurrentHashMap<>();
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyStore(IdempotencyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.answers = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > properties.maxEntries();
            }
        };
    }

    public synchronized Answer find(String key) {
        Answer answer = answers.get(key);
        if (answer != null && answer.at().plus(properties.retention()).isBefore(clock.instant())) {
            answers.remove(key);
            return null;
        }
        return answer;
    }

    public synchronized void remember(String key, Answer answer) {
        answers.put(key, answer);
    }

    /** Held while the first request with a key runs, so a concurrent retry waits for its answer. */
    public ReentrantLock lockFor(String key) {
        return inFlight.computeIfAbsent(key, k -> new ReentrantLock());
    }

    public void release(String key, ReentrantLock lock) {
        lock.unlock();
        if (!lock.isLocked() && !lock.hasQueuedThreads()) {
            inFlight.remove(key, lock);
        }
    }
}
