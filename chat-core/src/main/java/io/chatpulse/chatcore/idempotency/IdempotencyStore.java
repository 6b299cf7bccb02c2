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
 * for a retention period and up to a bounded number (oldest forgotten first). At start-up it is
 * filled from the event log with the keys whose events are there: their answers were not logged,
 * only what the request was.
 */
@Component
public class IdempotencyStore {

    /**
     * The first answer, and what the request was, so a reused key with another request is refused.
     * An answer learnt from the event log has no status (0) and no body: it is made again from
     * what the call created.
     */
    public record Answer(String requestFingerprint, int status, String contentType, byte[] body, String location,
            Instant at) {

        static Answer inEventLog(String requestFingerprint, Instant at) {
            return new Answer(requestFingerprint, 0, null, null, null, at);
        }

        public boolean isInEventLogOnly() {
            return status == 0;
        }
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

    /** Keys are per tenant. */
    public static String keyOf(String tenantId, String idempotencyKey) {
        return tenantId + '\n' + idempotencyKey;
    }

    public synchronized Answer find(String key) {
        Answer answer = answers.get(key);
        if (answer != null && expired(answer)) {
            answers.remove(key);
            return null;
        }
        return answer;
    }

    public synchronized void remember(String key, Answer answer) {
        answers.put(key, answer);
    }

    /** Whether an answer given at {@code at} is still within the retention. */
    public boolean keeps(Instant at) {
        return !at.plus(properties.retention()).isBefore(clock.instant());
    }

    /** A call read back from the event log, written at {@code at}; one past the retention is not kept. */
    public synchronized void rememberInEventLog(IdempotentCall call, Instant at) {
        if (keeps(at)) {
            answers.putIfAbsent(keyOf(call.tenantId(), call.key()), Answer.inEventLog(call.request(), at));
        }
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

    private boolean expired(Answer answer) {
        return !keeps(answer.at());
    }
}
