package io.chatpulse.streamjobs.queue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A tenant's counts per queue and minute of event time, the baselines of volume_spike, csat_drop and
 * frt_spike: "a|queue|minute" arrivals, "r|queue|minute" ratings, "n|queue|minute" negative ratings,
 * "f|queue|minute" first responses, with the first response times themselves per "queue|minute".
 * Kept in the monitor's keyed state (state names "counts-per-minute", "responses-per-minute",
 * "counts-evaluated" and "counts-evaluated-moved-at").
 */
final class MinuteCounts {

    static final String ARRIVALS = "a";
    static final String RATINGS = "r";
    static final String NEGATIVE_RATINGS = "n";
    static final String FIRST_RESPONSES = "f";
    private static final long MINUTE = 60_000L;

    private final MapState<String, Integer> counts;
    private final MapState<String, List<Long>> responses;
    /** The evaluated event time at the last sweep, and the processing time it last moved at. */
    private final ValueState<Long> evaluated;
    private final ValueState<Long> evaluatedMovedAt;

    private MinuteCounts(MapState<String, Integer> counts, MapState<String, List<Long>> responses,
                         ValueState<Long> evaluated, ValueState<Long> evaluatedMovedAt) {
        this.counts = counts;
        this.responses = responses;
        this.evaluated = evaluated;
        this.evaluatedMovedAt = evaluatedMovedAt;
    }

    static MinuteCounts open(RuntimeContext context) {
        return new MinuteCounts(
                context.getMapState(new MapStateDescriptor<>("counts-per-minute", Types.STRING, Types.INT)),
                context.getMapState(new MapStateDescriptor<>("responses-per-minute", Types.STRING,
                        Types.LIST(Types.LONG))),
                context.getState(new ValueStateDescriptor<>("counts-evaluated", Types.LONG)),
                context.getState(new ValueStateDescriptor<>("counts-evaluated-moved-at", Types.LONG)));
    }

    /** One more of {@code what} in the queue's minute of {@code at}. */
    void count(String what, String queueId, long at) throws Exception {
        String key = what + "|" + queueId + "|" + Math.floorDiv(at, MINUTE);
        Integer count = counts.get(key);
        counts.put(key, count == null ? 1 : count + 1);
    }

    /** A first response time of the queue at {@code at}, besides its count ({@link #FIRST_RESPONSES}). */
    void response(String queueId, long at, long frtMs) throws Exception {
        String key = queueId + "|" + Math.floorDiv(at, MINUTE);
        List<Long> frts = responses.get(key);
        if (frts == null) {
            frts = new ArrayList<>();
        }
        frts.add(frtMs);
        responses.put(key, frts);
    }

    /** The count of {@code what} in the minutes from {@code from} up to {@code to} (event time). */
    long between(String what, String queueId, long from, long to) {
        long sum = 0;
        try {
            for (long minute = Math.floorDiv(from, MINUTE); minute < Math.floorDiv(to, MINUTE); minute++) {
                Integer count = counts.get(what + "|" + queueId + "|" + minute);
                sum += count == null ? 0 : count;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the counts of " + queueId, e);
        }
        return sum;
    }

    /** The first response times of the queue in the minutes from {@code from} up to {@code to}. */
    List<Long> responsesBetween(String queueId, long from, long to) {
        List<Long> frts = new ArrayList<>();
        try {
            for (long minute = Math.floorDiv(from, MINUTE); minute < Math.floorDiv(to, MINUTE); minute++) {
                // Most minutes have none: the count says so without reading a list.
                if (counts.contains(FIRST_RESPONSES + "|" + queueId + "|" + minute)) {
                    List<Long> values = responses.get(queueId + "|" + minute);
                    if (values != null) {
                        frts.addAll(values);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the first responses of " + queueId, e);
        }
        return frts;
    }

    /** The queue's counts of one minute (index since the epoch), which no baseline reads any more. */
    void forgetMinute(String queueId, long minute) throws Exception {
        for (String what : new String[] {ARRIVALS, RATINGS, NEGATIVE_RATINGS, FIRST_RESPONSES}) {
            counts.remove(what + "|" + queueId + "|" + minute);
        }
        responses.remove(queueId + "|" + minute);
    }

    /**
     * The sweep at processing time {@code now} (decision 33): every count {@code kept} of event time
     * behind {@code evaluatedUpTo}, whatever its queue (those of queues gone dormant too); and all of
     * them once the evaluated time has not moved for {@code kept} of processing time (a tenant gone
     * quiet, whose event time stands still: what the TTL of its counts did).
     *
     * @return whether any count is left
     */
    boolean forget(long now, long evaluatedUpTo, long kept) throws Exception {
        Long last = evaluated.value();
        Long movedAt = evaluatedMovedAt.value();
        if (last == null || last != evaluatedUpTo || movedAt == null) {
            evaluated.update(evaluatedUpTo);
            evaluatedMovedAt.update(now);
        } else if (now - movedAt >= kept) {
            counts.clear();
            responses.clear();
            return false;
        }
        long oldest = Math.floorDiv(evaluatedUpTo - kept, MINUTE);
        forgetBefore(counts, oldest);
        forgetBefore(responses, oldest);
        return !counts.isEmpty();
    }

    private static void forgetBefore(MapState<String, ?> perMinute, long oldest) throws Exception {
        List<String> keys = new ArrayList<>();
        perMinute.keys().forEach(keys::add);
        for (String key : keys) {
            if (Long.parseLong(key.substring(key.lastIndexOf('|') + 1)) < oldest) {
                perMinute.remove(key);
            }
        }
    }
}
