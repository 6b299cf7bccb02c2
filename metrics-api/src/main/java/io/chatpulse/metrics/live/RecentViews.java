package io.chatpulse.metrics.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view computed at most {@code maxAge} ago, shared by every caller asking for the same key: the
 * live state changes once a second (the queue monitor's tick), and a hundred wallboards of one
 * tenant need not ask ClickHouse a hundred times for it.
 *
 * <p>An older view is still answered while a fresh one is computed in the background, so no caller
 * waits for ClickHouse but the first, or one that comes after a quiet spell of {@code 5 x maxAge}
 * (a view that old is computed again before it is shown).
 */
final class RecentViews<K, V> {

    private static final Logger log = LoggerFactory.getLogger(RecentViews.class);
    private static final int STALE_LIMIT = 5;

    private record Computed<V>(long atNanos, V view) {
    }

    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Executor refresher;
    private final Map<K, Computed<V>> views = new ConcurrentHashMap<>();
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<K, Object> locks = new ConcurrentHashMap<>();

    RecentViews(Duration maxAge, LongSupplier nanoClock, Executor refresher) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        this.refresher = refresher;
    }

    V get(K key, Supplier<V> compute) {
        Computed<V> recent = views.get(key);
        long age = recent == null ? Long.MAX_VALUE : nanoClock.getAsLong() - recent.atNanos();
        if (age < maxAgeNanos) {
            return recent.view();
        }
        if (age < STALE_LIMIT * maxAgeNanos) {
            refreshInBackground(key, compute);
            return recent.view();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            recent = views.get(key);
            if (recent == null || nanoClock.getAsLong() - recent.atNanos() >= maxAgeNanos) {
                recent = computeNow(key, compute);
            }
            return recent.view();
        }
    }

    private void refreshInBackground(K key, Supplier<V> compute) {
        if (!refreshing.add(key)) {
            return; // one refresh of a key at a time
        }
        refresher.execute(() -> {
            try {
                computeNow(key, compute);
            } catch (RuntimeException e) {
                log.warn("live view {} not refreshed, the last one is shown meanwhile: {}", key, e.getMessage());
            } finally {
                refreshing.remove(key);
            }
        });
    }

    private Computed<V> computeNow(K key, Supplier<V> compute) {
        Computed<V> computed = new Computed<>(nanoClock.getAsLong(), compute.get());
        views.put(key, computed);
        return computed;
    }
}
