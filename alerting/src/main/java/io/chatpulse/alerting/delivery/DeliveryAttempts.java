package io.chatpulse.alerting.delivery;

import io.chatpulse.alerting.LocalStores;
import io.chatpulse.events.DeliveryAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

/** The delivery attempts of a tenant, oldest first, from the local store. */
@Component
public class DeliveryAttempts {

    private final LocalStores stores;

    public DeliveryAttempts(LocalStores stores) {
        this.stores = stores;
    }

    /** Empty while the store is not queryable. */
    public Optional<List<DeliveryAttempt>> of(String tenant) {
        Optional<ReadOnlyKeyValueStore<String, DeliveryAttempt>> store = stores.keyValue(DeliveryLogTopology.ATTEMPT_STORE);
        return store.map(attempts -> {
            List<DeliveryAttempt> found = new ArrayList<>();
            try (KeyValueIterator<String, DeliveryAttempt> all = attempts.prefixScan(tenant + "|", new StringSerializer())) {
                all.forEachRemaining(entry -> found.add(entry.value));
            }
            return found;
        });
    }
}
