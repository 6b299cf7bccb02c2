package io.chatpulse.alerting.alert;

import io.chatpulse.events.AlertEvent;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the latest state of an alert from the local store (interactive queries). Only the keys of
 * partitions this instance owns are here; the app runs as one instance for now.
 */
@Component
public class LatestAlertStates {

    private final StreamsBuilderFactoryBean streams;

    public LatestAlertStates(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /**
     * The latest alert under {@code key}; empty if none, or while the store is not queryable yet
     * (start-up, rebalance), which {@link #isQueryable()} tells apart.
     */
    public Optional<AlertEvent> latest(String key) {
        return store().map(store -> store.get(key));
    }

    public boolean isQueryable() {
        return store().isPresent();
    }

    private Optional<ReadOnlyKeyValueStore<String, AlertEvent>> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            return Optional.of(kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    AlertIntakeTopology.LATEST_STATE_STORE, QueryableStoreTypes.keyValueStore())));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
