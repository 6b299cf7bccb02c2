package io.chatpulse.streamjobs.forecast;

import io.chatpulse.queuemath.ErlangA;
import io.chatpulse.queuemath.ErlangC;
import io.chatpulse.streamjobs.alert.QueueWaitForecastRule;

/**
 * The forecast of a queue from what the monitor measured, with queue-math's one implementation of
 * the formulas: Erlang A once enough abandons give a patience, Erlang C before (decision 20).
 */
public final class Forecaster {

    /**
     * What the monitor knows of the queue at {@code at}.
     *
     * @param slots          the chat slots of the agents online apportioned to the queue ({@link SlotShares}):
     *                       an agent who serves only this queue gives all his capacity
     * @param agentsOnline   how many agents online serve the queue (persons, shared ones included)
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
        double handleTime = handleTimeS(settings, traffic, now.at());
        int abandons = traffic.waits.count(now.at());
        double patience = abandons >= settings.minAbandons() ? traffic.waits.sum(now.at()) / 1000.0 / abandons : 0;
        // The slots each agent online gives this queue (his whole capacity when he serves no other):
        // agents needed are then agents like those online now, comparable with their count (decision 32).
        double capacity = now.agentsOnline() > 0 && now.slots() > 0 ? now.slots() / (double) now.agentsOnline()
                : settings.defaultCapacity();
        double target = settings.serviceLevelTarget();
        double withinT = settings.serviceLevelTimeMs() / 1000.0;
        double threshold = thresholdMs / 1000.0;
        int slots = now.slots();

        Figures figures = figures(lambda, handleTime, patience, slots, withinT, threshold);
        int slotsNeeded = patience > 0 ? ErlangA.serversNeeded(lambda, handleTime, patience, target, withinT)
                : ErlangC.serversNeeded(lambda * handleTime, handleTime, target, withinT);
        long oldestAnswerExpectedAt = now.queueLength() > 0 && Double.isFinite(figures.nextAnswerIn())
                ? now.at() + Math.round(figures.nextAnswerIn() * 1000) : 0;
        return new QueueForecast(lambda * 3600, handleTime, handled, patience, slots, capacity, figures.model(),
                figures.unbounded(), figures.waiting(), figures.averageSpeedOfAnswer(), figures.serviceLevel(), target,
                withinT, figures.overThreshold(), (int) Math.ceil(slotsNeeded / capacity), oldestAnswerExpectedAt);
    }

    /** λ·h in Erlangs at {@code at}, from the forecast's own inputs: what a shared agent's slots are apportioned by. */
    public static double offeredLoad(ForecastSettings settings, QueueTraffic traffic, long at) {
        return traffic.arrivalRate(at, settings.arrivalWindowMs()) * handleTimeS(settings, traffic, at);
    }

    /** The mean of the window's handle times, or the default until there are enough of them. */
    private static double handleTimeS(ForecastSettings settings, QueueTraffic traffic, long at) {
        int handled = traffic.handleTimes.count(at);
        return handled >= settings.minHandleTimes()
                ? traffic.handleTimes.sum(at) / 1000.0 / handled : settings.defaultHandleTimeMs() / 1000.0;
    }

    /**
     * The agents (at the forecast's capacity per agent) with whom a customer arriving now would neither
     * still wait at the threshold with a probability over {@code level} nor expect to wait past it:
     * what queue_wait_forecast says would fix it. The forecast's own inputs, one slot more at a time.
     */
    public static int agentsToStayUnder(QueueForecast forecast, long thresholdMs, double level) {
        double threshold = thresholdMs / 1000.0;
        double lambda = forecast.arrivalsPerHour() / 3600;
        for (int slots = forecast.slots(); ; slots++) {
            Figures figures = figures(lambda, forecast.handleTimeS(), forecast.patienceS(), slots,
                    forecast.serviceLevelTimeS(), threshold);
            if (!QueueWaitForecastRule.breached(thresholdMs, level, forecast.arrivalsPerHour(), figures.unbounded(),
                    figures.overThreshold(), figures.averageSpeedOfAnswer())) {
                return (int) Math.ceil(slots / forecast.agentCapacity());
            }
        }
    }

    /** What the model says of a queue with these inputs and slots. */
    private record Figures(String model, boolean unbounded, double waiting, double averageSpeedOfAnswer,
                           double serviceLevel, double overThreshold, double nextAnswerIn) {
    }

    /** Erlang A with a patience (decision 20), else Erlang C; times in seconds. */
    private static Figures figures(double lambda, double handleTime, double patience, int slots, double withinT,
                                   double threshold) {
        if (patience > 0) {
            if (ErlangA.beyondForecast(slots, lambda, handleTime, patience)) {
                return new Figures(QueueForecast.ERLANG_A, true, 1, Double.POSITIVE_INFINITY, 0, 1,
                        ErlangC.expectedTimeToAnswer(1, slots, handleTime));
            }
            ErlangA queue = ErlangA.of(slots, lambda, handleTime, patience);
            return new Figures(QueueForecast.ERLANG_A, false, queue.probabilityOfWaiting(), queue.averageSpeedOfAnswer(),
                    queue.serviceLevel(withinT), queue.probabilityWaitOver(threshold), queue.expectedTimeToAnswer(1));
        }
        double offered = lambda * handleTime;
        return new Figures(QueueForecast.ERLANG_C, offered > 0 && slots <= offered,
                ErlangC.probabilityOfWaiting(slots, offered),
                ErlangC.averageSpeedOfAnswer(slots, offered, handleTime),
                ErlangC.serviceLevel(slots, offered, handleTime, withinT),
                ErlangC.probabilityWaitOver(slots, offered, handleTime, threshold),
                ErlangC.expectedTimeToAnswer(1, slots, handleTime));
    }
}
