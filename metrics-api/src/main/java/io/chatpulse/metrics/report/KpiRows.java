package io.chatpulse.metrics.report;

import io.chatpulse.metrics.queue.Distribution;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the report views returned, per (bucket, agent). Only combines rows into records: every
 * figure is the view's own. The views are read at the same time, each into its own maps.
 */
final class KpiRows {

    record Key(long bucketMs, String agentId) {
    }

    final Map<Key, Distribution> queueWait = new ConcurrentHashMap<>();
    final Map<Key, Kpis.Service> service = new ConcurrentHashMap<>();
    final Map<Key, Distribution> firstResponse = new ConcurrentHashMap<>();
    final Map<Key, Distribution> replyTime = new ConcurrentHashMap<>();
    final Map<Key, Distribution> resolutionTime = new ConcurrentHashMap<>();
    final Map<Key, Distribution> handleTime = new ConcurrentHashMap<>();
    final Map<Key, Kpis.Volume> volume = new ConcurrentHashMap<>();
    final Map<Key, Kpis.Quality> csat = new ConcurrentHashMap<>();
    final Map<Key, long[]> surveys = new ConcurrentHashMap<>();
    final Map<Key, Double> surveyResponseRate = new ConcurrentHashMap<>();
    // Not among keys(): whether an agent with time only is a row depends on the filters (AgentReport).
    final Map<Key, AgentTime> agentTime = new ConcurrentHashMap<>();

    Set<Key> keys() {
        Set<Key> keys = new HashSet<>();
        keys.addAll(queueWait.keySet());
        keys.addAll(service.keySet());
        keys.addAll(firstResponse.keySet());
        keys.addAll(replyTime.keySet());
        keys.addAll(resolutionTime.keySet());
        keys.addAll(handleTime.keySet());
        keys.addAll(volume.keySet());
        keys.addAll(csat.keySet());
        keys.addAll(surveys.keySet());
        return keys;
    }

    Kpis kpis(Key key) {
        Kpis.Quality rated = csat.getOrDefault(key, Kpis.Quality.EMPTY);
        long[] offeredAndRated = surveys.getOrDefault(key, new long[] {0, 0});
        Kpis.Quality quality = new Kpis.Quality(rated.ratings(), rated.satisfied(), rated.negative(), rated.csat(),
                rated.averageRating(), rated.negativeRate(), offeredAndRated[0], surveyResponseRate.get(key));
        return new Kpis(queueWait.getOrDefault(key, Distribution.EMPTY), service.getOrDefault(key, Kpis.Service.EMPTY),
                firstResponse.getOrDefault(key, Distribution.EMPTY), replyTime.getOrDefault(key, Distribution.EMPTY),
                resolutionTime.getOrDefault(key, Distribution.EMPTY), handleTime.getOrDefault(key, Distribution.EMPTY),
                volume.getOrDefault(key, Kpis.Volume.EMPTY), quality);
    }
}
