package io.chatpulse.chatcore.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String POST = "POST /api/v1/conversations 9f86d081";

    private final IdempotencyStore store = new IdempotencyStore(new IdempotencyProperties(3, Duration.ofHours(24)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void keepsAFirstAnswerForTheRetentionOnly() {
        store.remember("acme\nk", answer(NOW.minus(Duration.ofHours(23))));
        store.remember("acme\nold", answer(NOW.minus(Duration.ofHours(25))));

        assertThat(store.find("acme\nk").status()).isEqualTo(201);
        assertThat(store.find("acme\nold")).isNull();
    }

    @Test
    void forgetsTheOldestBeyondItsSize() {
        for (int i = 0; i < 4; i++) {
            store.remember("acme\n" + i, answer(NOW));
        }

        assertThat(store.find("acme\n0")).isNull();
        assertThat(store.find("acme\n3")).isNotNull();
    }

    @Test
    void aCallReadFromTheEventLogIsKnownByItsRequestWithoutAnAnswer() {
        store.rememberInEventLog(new IdempotentCall("acme", "k", POST, true), NOW.minusSeconds(60));

        IdempotencyStore.Answer known = store.find(IdempotencyStore.keyOf("acme", "k"));

        assertThat(known.isInEventLogOnly()).isTrue();
        assertThat(known.requestFingerprint()).isEqualTo(POST);
        assertThat(store.find(IdempotencyStore.keyOf("other", "k"))).isNull();
    }

    @Test
    void aCallOlderThanTheRetentionIsNotLearnt() {
        store.rememberInEventLog(new IdempotentCall("acme", "k", POST, true), NOW.minus(Duration.ofHours(25)));

        assertThat(store.find(IdempotencyStore.keyOf("acme", "k"))).isNull();
    }

    @Test
    void theRebuildAppliesTheFirstCopyOfAKeyedEventOnly() {
        RecordedCalls calls = new RecordedCalls(store);
        IdempotentCall call = new IdempotentCall("acme", "k", POST, false);

        assertThat(calls.firstCopy(record(call), "acme", call.eventId(0))).isTrue();
        assertThat(calls.firstCopy(record(call), "acme", call.eventId(1))).isTrue();
        assertThat(calls.firstCopy(record(call), "acme", call.eventId(0))).as("the retry's copy").isFalse();
        assertThat(calls.firstCopy(record(null), "acme", "random-id")).isTrue();
        assertThat(calls.firstCopy(record(null), "acme", "random-id")).as("no key, no tracking").isTrue();
        assertThat(store.find(IdempotencyStore.keyOf("acme", "k")).isInEventLogOnly()).isTrue();
    }

    @Test
    void aKeyedEventOlderThanTheRetentionIsStillAppliedOnceButItsKeyIsNotLearnt() {
        RecordedCalls calls = new RecordedCalls(store);
        IdempotentCall call = new IdempotentCall("acme", "old", POST, false);
        Instant written = NOW.minus(Duration.ofDays(3));

        assertThat(calls.firstCopy(record(call, written), "acme", call.eventId(0))).isTrue();
        assertThat(calls.firstCopy(record(call, written), "acme", call.eventId(0))).isFalse();
        assertThat(store.find(IdempotencyStore.keyOf("acme", "old"))).isNull();
    }

    private static IdempotencyStore.Answer answer(Instant at) {
        return new IdempotencyStore.Answer(POST, 201, "application/json", "{}".getBytes(), null, at);
    }

    private static ConsumerRecord<String, byte[]> record(IdempotentCall call) {
        return record(call, NOW.minusSeconds(5));
    }

    private static ConsumerRecord<String, byte[]> record(IdempotentCall call, Instant written) {
        RecordHeaders headers = call == null ? new RecordHeaders() : new RecordHeaders(call.headers());
        return new ConsumerRecord<>("t", 0, 0, written.toEpochMilli(), TimestampType.CREATE_TIME,
                0, 0, "c-1", new byte[0], headers, java.util.Optional.empty());
    }
}
