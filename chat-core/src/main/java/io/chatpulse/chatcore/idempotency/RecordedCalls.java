package io.chatpulse.chatcore.idempotency;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The calls made under an Idempotency-Key, learnt while the event log is read back at start-up:
 * each key goes to the store (a retry of it then only answers), and of two copies of an event (a
 * retry that wrote again what Kafka had taken before a 503) only the first is applied. Only keyed
 * records are tracked: an event with a fresh id has no second copy.
 */
public final class RecordedCalls {

    private final IdempotencyStore store;
    private final Set<String> keyedEventIds = new HashSet<>();

    public RecordedCalls(IdempotencyStore store) {
        this.store = store;
    }

    /**
     * Whether the record is the first copy of its event; remembers the call's key if it has one
     * and is younger than the store's retention (most of a long log is not: its keys are not read).
     */
    public boolean firstCopy(ConsumerRecord<?, ?> record, String tenantId, String eventId) {
        if (record.headers().lastHeader(IdempotentCall.KEY_HEADER) == null) {
            return true;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (store.keeps(at)) {
            IdempotentCall.of(record.headers(), tenantId).ifPresent(call -> store.rememberInEventLog(call, at));
        }
        return keyedEventIds.add(eventId);
    }
}
