package io.chatpulse.streamjobs.forecast;

import io.chatpulse.queuemath.ErlangA;
import io.chatpulse.queuemath.ErlangC;

/**
 * The forecast of a queue from what the monitor measured, with queue-math's one implementation of
 * the formulas: Erlang A once enough abandons give a patience, Erlang C before (decision 20).
 */
public final class Forecaster {

    /**
     * What the monitor knows of the queue at {@code at}.
     *
     * @param slots          Σ capacity of the agents online who serve the queue
     * @param agentsOnline   how many agents that is
     * @param queueLength    customers waiting now
     * @param oldestQueuedAt when the longest-waiting one entered the queue (ignored when none waits)
     */
    public record QueueNow(long at, int slots, int agentsOnline, int queueLength, long oldestQueuedAt) {
    }

    private Forecaster() {
    }

    public static QueueForecast forecast(ForecastSettings settings, long thresholdMs, QueueTraffic traffic,
                                         QueueNow now) {
        double lambda = traffic.arrivalRate(now.at(), settings.arrivalWindowMs());
        int handled = traffic.handleTimes.count(now.at());
        double handleTime = handled >= settings.minHandleTimes()
                ? traffic.handleTimes.sum(now.at()) / 1000.0 / handled : settings.defaultHandleTimeMs() / 1000.0;
        int abandons = traffic.waits.count(now.at());
        double patience = abandons >= settings.minAbandons() ? traffic.waits.sum(now.at()) / 1000.0 / abandons : 0;
        double capacity = now.agentsOnline() > 0 ? now.slots() / (double) now.agentsOnline() : settings.defaultCapacity();
        double target = settings.serviceLevelTarget();
        double withinT = settings.serviceLevelTimeMs() / 1000.0;
        double threshold = thresholdMs / 1000.0;
        int slots = now.slots();

        String model;
        boolean unbounded;
        double waiting;
        double asa;
        double serviceLevel;
        double overThreshold;
        int slotsNeeded;
        double nextAnswerIn;
        if (patience > 0) {
            model = QueueForecast.ERLANG_A;
            unbounded = ErlangA.beyondForecast(slots, lambda, handleTime, patience);
            ErlangA queue = unbounded ? null : ErlangA.of(slots, lambda, handleTime, patience);
            waiting = unbounded ? 1 : queue.probabilityOfWaiting();
            asa = unbounded ? Double.POSITIVE_INFINITY : queue.averageSpeedOfAnswer();
            serviceLevel = unbounded ? 0 : queue.serviceLevel(withinT);
            overThreshold = unbounded ? 1 : queue.probabilityWaitOver(threshold);
            slotsNeeded = ErlangA.serversNeeded(lambda, handleTime, patience, target, withinT);
            nextAnswerIn = unbounded ? ErlangC.expectedTimeToAnswer(1, slots, handleTime) : queue.expectedTimeToAnswer(1);
        } else {
            model = QueueForecast.ERLANG_C;
            double offered = lambda * handleTime;
            unbounded = slots <= offered;
            waiting = ErlangC.probabilityOfWaiting(slots, offered);
            asa = ErlangC.averageSpeedOfAnswer(slots, offered, handleTime);
            serviceLevel = ErlangC.serviceLevel(slots, offered, handleTime, withinT);
            overThreshold = ErlangC.probabilityWaitOver(slots, offered, handleTime, threshold);
            slotsNeeded = ErlangC.serversNeeded(offered, handleTime, target, withinT);
            nextAnswerIn = ErlangC.expectedTimeToAnswer(1, slots, handleTime);
        }
        long oldestAnswerExpectedAt = now.queueLength() > 0 && Double.isFinite(nextAnswerIn)
                ? now.at() + Math.round(nextAnswerIn * 1000) : 0;
        return new QueueForecast(lambda * 3600, handleTime, handled, patience, slots, model, unbounded, waiting, asa,
                serviceLevel, target, withinT, overThreshold, (int) Math.ceil(slotsNeeded / capacity),
                oldestAnswerExpectedAt);
    }
}
