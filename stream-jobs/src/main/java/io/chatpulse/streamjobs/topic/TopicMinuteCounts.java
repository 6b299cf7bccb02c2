package io.chatpulse.streamjobs.topic;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A tenant's customer messages naming each topic per minute of event time ("topic|minute"), the
 * baselines of topic_spike, in keyed state "topic-minute-counts"; forgotten by a sweep of their own
 * (decision 33), as the queue monitor's per-minute counts are, not by Flink's state TTL.
 */
final class TopicMinuteCounts {

    private static final long MINUTE = 60_000L;

    private final MapState<String, Integer> counts;
    /** The evaluated event time at the last sweep, and the processing time it last moved at. */
    private final ValueState<Long> evaluated;
    private final ValueState<Long> evaluatedMovedAt;

    private TopicMinuteCounts(MapState<String, Integer> counts, ValueState<Long> evaluated,
                              ValueState<Long> evaluatedMovedAt) {
        this.counts = counts;
        this.evaluated = evaluated;
        this.evaluatedMovedAt = evaluatedMovedAt;
    }

    static TopicMinuteCounts open(RuntimeContext context) {
        // The name of the TTL version: a checkpoint of it restores (Flink reads a TTL state without its TTL).
        return new TopicMinuteCounts(
                context.getMapState(new MapStateDescriptor<>("topic-minute-counts", Types.STRING, Types.INT)),
                context.getState(new ValueStateDescriptor<>("topic-counts-evaluated", Types.LONG)),
                context.getState(new ValueStateDescriptor<>("topic-counts-evaluated-moved-at", Types.LONG)));
    }

    /** One more message naming {@code topic} in the minute (index since the epoch). */
    void count(String topic, long minute) throws Exception {
        String key = topic + "|" + minute;
        Integer count = counts.get(key);
        counts.put(key, count == null ? 1 : count + 1);
    }

    /** The messages naming {@code topic} in the minutes from {@code from} up to {@code to} (event time). */
    long between(String topic, long from, long to) {
        long sum = 0;
        try {
            for (long minute = Math.floorDiv(from, MINUTE); minute < Math.floorDiv(to, MINUTE); minute++) {
                Integer count = counts.get(topic + "|" + minute);
                sum += count == null ? 0 : count;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the counts of topic " + topic, e);
        }
        return sum;
    }

    /**
     * The sweep at processing time {@code now}: the counts of minutes before {@code oldestMinute},
     * which no baseline of an evaluation at or after the evaluated time reads; all of them once the
     * evaluated time {@code evaluatedUpTo} has not moved for {@code idleFor} of processing time (a
     * tenant gone quiet, whose event time stands still: what the TTL of its counts did).
     *
     * @return whether the evaluated time stood still for {@code idleFor} (all counts forgotten)
     */
    boolean forget(long now, long evaluatedUpTo, long oldestMinute, long idleFor) throws Exception {
        Long last = evaluated.value();
        Long movedAt = evaluatedMovedAt.value();
        if (last == null || last != evaluatedUpTo || movedAt == null) {
            evaluated.update(evaluatedUpTo);
            evaluatedMovedAt.update(now);
        } else if (now - movedAt >= idleFor) {
            counts.clear();
            return true;
        }
        List<String> keys = new ArrayList<>();
        counts.keys().forEach(keys::add);
        for (String key : keys) {
            if (Long.parseLong(key.substring(key.lastIndexOf('|') + 1)) < oldestMinute) {
                counts.remove(key);
            }
        }
        return false;
    }

    boolean isEmpty() throws Exception {
        return counts.isEmpty();
    }
}
