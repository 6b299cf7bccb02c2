package io.chatpulse.streamjobs.queue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A tenant's counts per queue and minute of event time, the baselines of volume_spike, csat_drop and
 * frt_spike: "a|queue|minute" arrivals, "r|queue|minute" ratings, "n|queue|minute" negative ratings,
 * "f|queue|minute" first responses, with the first response times themselves per "queue|minute".
 * Kept in the monitor's keyed state (state names "counts-per-minute" and "responses-per-minute").
 */
final class MinuteCounts {

    static final String ARRIVALS = "a";
    static final String RATINGS = "r";
    static final String NEGATIVE_RATINGS = "n";
    static final String FIRST_RESPONSES = "f";
    private static final long MINUTE = 60_000L;

    private final MapState<String, Integer> counts;
    private final MapState<String, List<Long>> responses;

    private MinuteCounts(MapState<String, Integer> counts, MapState<String, List<Long>> responses) {
        this.counts = counts;
        this.responses = responses;
    }

    static MinuteCounts open(RuntimeContext context) {
        return new MinuteCounts(
                context.getMapState(new MapStateDescriptor<>("counts-per-minute", Types.STRING, Types.INT)),
                context.getMapState(new MapStateDescriptor<>("responses-per-minute", Types.STRING,
                        Types.LIST(Types.LONG))));
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
     * Every count of a minute before {@code oldest} (index since the epoch), whatever its queue: those
     * of queues gone dormant too (decision 33).
     *
     * @return whether any count is left
     */
    boolean forgetBefore(long oldest) throws Exception {
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
