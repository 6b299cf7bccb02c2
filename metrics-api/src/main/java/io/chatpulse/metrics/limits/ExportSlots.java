package io.chatpulse.metrics.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * How many exports each tenant streams at once. An export holds a ClickHouse connection for as
 * long as it streams (minutes for a large one), so without this one tenant's exports could hold the
 * whole pool and every other tenant's reports would wait.
 */
@Component
public class ExportSlots {

    /** A taken slot; released once, however often {@link #release()} is called. */
    public final class Slot {
        private final Semaphore of;
        private boolean released;

        private Slot(Semaphore of) {
            this.of = of;
        }

        public synchronized void release() {
            if (!released) {
                released = true;
                of.release();
            }
        }
    }

    private final LimitsProperties properties;
    private final Map<String, Semaphore> byTenant = new ConcurrentHashMap<>();

    public ExportSlots(LimitsProperties properties) {
        this.properties = properties;
    }

    public Slot take(String tenant) {
        int slots = properties.concurrentExportsOf(tenant);
        Semaphore semaphore = byTenant.computeIfAbsent(tenant, t -> new Semaphore(slots));
        if (!semaphore.tryAcquire()) {
            throw LimitExceededException.exports(tenant, slots, properties.exportRetryAfter());
        }
        return new Slot(semaphore);
    }
}
