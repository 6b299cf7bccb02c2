package io.chatpulse.alerting.silence;

import io.chatpulse.alerting.LocalStores;
import io.chatpulse.alerting.incident.IncidentTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.stereotype.Component;

/** Reads a tenant's silences from the lifecycle's local store. */
@Component
public class Silences {

    private final LocalStores stores;

    public Silences(LocalStores stores) {
        this.stores = stores;
    }

    /** Empty while the store is not queryable. */
    public Optional<List<Silence>> of(String tenant) {
        return stores.<Silence>keyValue(IncidentTopology.SILENCE_STORE).map(silences -> {
            List<Silence> found = new ArrayList<>();
            try (KeyValueIterator<String, Silence> all = silences.prefixScan(tenant + "|", new StringSerializer())) {
                all.forEachRemaining(entry -> found.add(entry.value));
            }
            return found;
        });
    }
}
