package io.chatpulse.alerting;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the app's own key-value stores (interactive queries). Only the partitions this instance
 * was assigned are here; the API reaches the others through {@link io.chatpulse.alerting.owner.OwnerForwarding}.
 */
@Component
public class LocalStores {

    private final StreamsBuilderFactoryBean streams;

    public LocalStores(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The store, or empty while it cannot be queried (start-up, restoring, rebalance). */
    public <V> Optional<ReadOnlyKeyValueStore<String, V>> keyValue(String name) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            return Optional.of(kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
