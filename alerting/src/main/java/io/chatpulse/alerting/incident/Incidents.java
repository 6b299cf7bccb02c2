package io.chatpulse.alerting.incident;

import io.chatpulse.alerting.LocalStores;
import io.chatpulse.alerting.owner.StoreOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

/** Reads incidents from the lifecycle's local store. */
@Component
public class Incidents {

    private final LocalStores stores;
    private final StoreOwners owners;

    public Incidents(LocalStores stores, StoreOwners owners) {
        this.stores = stores;
        this.owners = owners;
    }

    /** The tenant's incidents; empty while the store is not queryable. */
    public Optional<List<Incident>> of(String tenant) {
        return store().map(incidents -> {
            List<Incident> found = new ArrayList<>();
            try (KeyValueIterator<String, Incident> all = incidents.prefixScan(tenant + "|", new StringSerializer())) {
                all.forEachRemaining(entry -> found.add(entry.value));
            }
            return found;
        });
    }

    /** The incident under the key; an unqueryable store reads as "unknown" (empty optional inside). */
    public Optional<Optional<Incident>> get(String tenant, String rule, String scope) {
        return store().map(incidents -> Optional.ofNullable(incidents.get(Incident.key(tenant, rule, scope))));
    }

    /**
     * Whether the incident that began at {@code startedAt} still fires; true when this instance cannot
     * tell (its store is not queryable, or another instance holds the tenant), because giving up on a
     * page is worse than one more attempt.
     */
    public boolean stillFiring(String tenant, String rule, String scope, long startedAt) {
        if (!(owners.ownerOf(IncidentTopology.INCIDENT_STORE, tenant) instanceof StoreOwners.Owner.Local)) {
            return true;
        }
        return get(tenant, rule, scope)
                .map(incident -> incident.filter(i -> i.isFiring() && i.startedAt() == startedAt).isPresent())
                .orElse(true);
    }

    private Optional<ReadOnlyKeyValueStore<String, Incident>> store() {
        return stores.keyValue(IncidentTopology.INCIDENT_STORE);
    }
}
