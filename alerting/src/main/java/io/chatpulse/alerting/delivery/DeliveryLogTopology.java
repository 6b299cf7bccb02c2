package io.chatpulse.alerting.delivery;

import io.chatpulse.alerting.alert.EventDecoder;
import io.chatpulse.events.DeliveryAttempt;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.EventSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps every delivery attempt of {@link Topics#ALERT_DELIVERIES} in {@link #ATTEMPT_STORE}, keyed
 * tenant|time|attempt so a tenant's attempts are one ordered prefix scan, for the deliveries API.
 */
public final class DeliveryLogTopology {

    public static final String ATTEMPT_STORE = "alert-delivery-attempts";

    private DeliveryLogTopology() {
    }

    public static void build(StreamsBuilder builder, Duration retention) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ATTEMPT_STORE),
                Serdes.String(), new EventSerde<>(EventCodec.DELIVERY_ATTEMPT)));
        KStream<String, byte[]> raw = builder.stream(Topics.ALERT_DELIVERIES,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("deliveries-source"));
        EventDecoder.readable(raw, "delivery-attempt", EventCodec.DELIVERY_ATTEMPT, "tenant")
                .process(() -> new AttemptRecorder(retention), Named.as("delivery-attempt-log"), ATTEMPT_STORE);
    }

    static String key(DeliveryAttempt attempt) {
        return String.format("%s|%013d|%s", attempt.getTenantId(), attempt.getAttemptedAt(), attempt.getAttemptId());
    }

    /** Stores each attempt; drops the ones older than the retention once an hour. */
    static final class AttemptRecorder implements Processor<String, DeliveryAttempt, Void, Void> {
        private final long retentionMs;
        private KeyValueStore<String, DeliveryAttempt> store;

        AttemptRecorder(Duration retention) {
            this.retentionMs = retention.toMillis();
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(ATTEMPT_STORE);
            context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::dropOld);
        }

        @Override
        public void process(Record<String, DeliveryAttempt> record) {
            store.put(key(record.value()), record.value());
        }

        private void dropOld(long now) {
            java.util.List<String> old = new java.util.ArrayList<>();
            try (KeyValueIterator<String, DeliveryAttempt> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (now - entry.value.getAttemptedAt() > retentionMs) {
                        old.add(entry.key);
                    }
                });
            }
            old.forEach(store::delete);
        }
    }
}
