package io.chatpulse.metrics.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A view computed at most {@code maxAge} ago, shared by every caller asking for the same key: the
 * live state changes once a second (the queue monitor's tick), and a hundred wallboards of one
 * tenant need not ask ClickHouse a hundred times for it. One computation per key at a time; the
 * others wait for it rather than start their own.
 */
final class RecentViews<K, V> {

    private record Computed<V>(long atNanos, V view) {
    }

    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Map<K, Computed<V>> views = new ConcurrentHashMap<>();
    private final Map<K, Object> locks = new ConcurrentHashMap<>();

    RecentViews(Duration maxAge, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    V get(K key, Supplier<V> compute) {
        Computed<V> recent = fresh(key);
        if (recent != null) {
            return recent.view();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            recent = fresh(key);
            if (recent == null) {
                recent = new Computed<>(nanoClock.getAsLong(), compute.get());
                views.put(key, recent);
            }
            return recent.view();
        }
    }

    private Computed<V> fresh(K key) {
        Computed<V> recent = views.get(key);
        return recent != null && nanoClock.getAsLong() - recent.atNanos() < maxAgeNanos ? recent : null;
    }
}
