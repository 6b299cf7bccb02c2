package io.chatpulse.streamjobs.forecast;

/**
 * What the forecast measures of a queue as events come: arrivals (an exponentially weighted rate),
 * handle times and ended waits (rolling over the last minutes). All in event time, so a replay
 * measures what the live run did. A Flink POJO, kept in the queue's status.
 */
public class QueueTraffic {
    /** Σ e^(−(lastArrivalAt − arrival)/τ) over the arrivals so far. */
    public double weightedArrivals;
    public long lastArrivalAt = Long.MIN_VALUE;
    /** When the queue's arrivals started being counted. */
    public long countingSince = Long.MIN_VALUE;
    /** Handle times (ms) ended per minute. */
    public MinuteRing handleTimes = new MinuteRing();
    /** Waits (ms) ended per minute, answered or abandoned; the count is the abandons. */
    public MinuteRing waits = new MinuteRing();

    public QueueTraffic() {
    }

    /** The queue is being watched from {@code at} on (its first event). */
    public void watchFrom(long at) {
        if (countingSince == Long.MIN_VALUE) {
            countingSince = at;
        }
    }

    public void arrival(long at, long windowMs) {
        watchFrom(at);
        if (lastArrivalAt != Long.MIN_VALUE) {
            weightedArrivals *= Math.exp(-Math.max(0, at - lastArrivalAt) / (double) windowMs);
        }
        weightedArrivals += 1;
        lastArrivalAt = Math.max(lastArrivalAt, at);
    }

    public void handled(long at, long handleMs, long windowMs) {
        handleTimes.add(at, minutes(windowMs), Math.max(0, handleMs), 1);
    }

    public void waitEnded(long at, long waitedMs, boolean abandoned, long windowMs) {
        waits.add(at, minutes(windowMs), Math.max(0, waitedMs), abandoned ? 1 : 0);
    }

    /**
     * Arrivals per second at {@code at}, exponentially weighted with time constant τ: the weighted
     * arrivals over the weight of the time watched, τ·(1 − e^(−watched/τ)), so a queue watched for
     * less than τ is not read as quiet. The time watched counts as at least a minute, so the first
     * arrival does not read as a flood.
     */
    public double arrivalRate(long at, long windowMs) {
        if (countingSince == Long.MIN_VALUE) {
            return 0;
        }
        double tau = windowMs / 1000.0;
        double watched = Math.max(60, (at - countingSince) / 1000.0);
        double decayed = lastArrivalAt == Long.MIN_VALUE ? 0
                : weightedArrivals * Math.exp(-Math.max(0, at - lastArrivalAt) / (double) windowMs);
        return decayed / (tau * -Math.expm1(-watched / tau));
    }

    private static int minutes(long windowMs) {
        return (int) Math.max(1, Math.ceil(windowMs / 60_000.0));
    }
}
