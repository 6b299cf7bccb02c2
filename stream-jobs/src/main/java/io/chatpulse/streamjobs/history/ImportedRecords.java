package io.chatpulse.streamjobs.history;

import io.chatpulse.events.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Where one import run's records landed: per partition of the conversation topic the first and the
 * last offset the broker gave them, and the newest event time sent. Filled from the producer's
 * callbacks, so only acknowledged records count.
 */
final class ImportedRecords {

    private final String importId;
    private final Map<Integer, Long> first = new ConcurrentHashMap<>();
    private final Map<Integer, Long> last = new ConcurrentHashMap<>();
    private volatile long newestEventTime = Long.MIN_VALUE;

    ImportedRecords(String importId) {
        this.importId = importId;
    }

    String importId() {
        return importId;
    }

    void sent(long eventTime) {
        newestEventTime = Math.max(newestEventTime, eventTime);
    }

    void acknowledged(int partition, long offset) {
        first.merge(partition, offset, Math::min);
        last.merge(partition, offset, Math::max);
    }

    boolean isEmpty() {
        return first.isEmpty();
    }

    long newestEventTime() {
        return newestEventTime;
    }

    /** Where a reader of exactly these records starts, per partition. */
    Map<TopicPartition, Long> firstOffsets() {
        return byPartition(first, 0);
    }

    /** Where it stops (exclusive), per partition. */
    Map<TopicPartition, Long> endOffsets() {
        return byPartition(last, 1);
    }

    private static Map<TopicPartition, Long> byPartition(Map<Integer, Long> offsets, long plus) {
        Map<TopicPartition, Long> result = new java.util.HashMap<>();
        offsets.forEach((partition, offset) ->
                result.put(new TopicPartition(Topics.CONVERSATION_EVENTS, partition), offset + plus));
        return result;
    }
}
